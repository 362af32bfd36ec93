/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tend-text.h"

/* Folds @length bytes of UTF-8 text into @folded, the slow way. */
static void
append_folded (GString    *folded,
               const char *text,
               gsize       length)
{
  g_autofree char *lower = g_utf8_casefold (text, length);
  g_autofree char *decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_len (folded, p, g_utf8_next_char (p) - p);
    }
}

/**
 * tend_text_fold:
 * @text: UTF-8 text
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 *
 * Folds @text the way search compares words, as FTS5's unicode61 tokenizer with
 * remove_diacritics does: case folded, decomposed, and without combining marks, so
 * "Été" becomes "ete" and "أَنا" becomes "انا". Invalid UTF-8 is repaired first.
 *
 * Returns: (transfer full): the folded text
 */
char *
tend_text_fold (const char *text,
                gssize      length)
{
  g_autofree char *valid = NULL;
  GString *folded;
  gsize i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }

  /* ASCII only needs lower case, and Arabic has no case and decomposes only into a letter
   * and a mark, so both fold one character at a time; runs of anything else go through
   * casefold and NFD. Cutting the text into runs changes nothing: case folding needs no
   * context, and NFD only reorders marks, which are dropped. It makes a long note several
   * times faster to fold. */
  folded = g_string_sized_new (length);
  while (i < (gsize) length)
    {
      const char *p = text + i;
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      gsize start = i;

      if (c < 0x80)
        {
          g_string_append_c (folded, g_ascii_tolower (*p));
          i++;
          continue;
        }

      if (c >= 0x0600 && c <= 0x06FF)
        {
          gunichar base, mark;

          i += 2;
          if (g_unichar_ismark (c))
            continue;
          if (g_unichar_decompose (c, &base, &mark))
            c = base;
          g_string_append_unichar (folded, c);
          continue;
        }

      while (i < (gsize) length && (guchar) text[i] >= 0x80)
        {
          c = g_utf8_get_char (text + i);
          if (c >= 0x0600 && c <= 0x06FF)
            break;
          i = g_utf8_next_char (text + i) - text;
        }
      append_folded (folded, text + start, i - start);
    }

  return g_string_free_and_steal (folded);
}

/**
 * tend_text_format_path:
 * @path: a file or folder name, in the file system's encoding
 *
 * A path as a message shows it: in UTF-8 whatever the file system's encoding, the home
 * folder as “~”, and isolated (U+2068 … U+2069) so it reads left to right within
 * right-to-left text.
 *
 * Returns: (transfer full): the path to show
 */
char *
tend_text_format_path (const char *path)
{
  const char *home = g_get_home_dir ();
  g_autofree char *shown = NULL;
  gsize home_length;

  g_return_val_if_fail (path != NULL, NULL);

  home_length = home != NULL ? strlen (home) : 0;
  if (home_length > 1 && g_str_has_prefix (path, home) && path[home_length] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_length);

      shown = g_strconcat ("~", rest, NULL);
    }
  else
    shown = g_filename_display_name (path);

  return g_strdup_printf ("\u2068%s\u2069", shown);
}
