/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-snippet.h"

/* Search snippets as the journal and the guides show them: the core marks each match
 * between U+0002 and U+0003, and these turn that into Pango markup or plain words. */

/**
 * tend_snippet_to_markup:
 * @snippet: text with matches between U+0002 and U+0003
 *
 * Returns: (transfer full): Pango markup with the matches highlighted, everything else
 *   escaped, line breaks turned into spaces
 */
char *
tend_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *run = snippet;
  gboolean open = FALSE;

  g_return_val_if_fail (snippet != NULL, NULL);

  for (const char *p = snippet;; p++)
    {
      if (*p != '\0' && *p != TEND_SNIPPET_MATCH_START && *p != TEND_SNIPPET_MATCH_END &&
          *p != '\n' && *p != '\r')
        continue;

      if (p > run)
        {
          g_autofree char *escaped = g_markup_escape_text (run, p - run);

          g_string_append (markup, escaped);
        }
      run = p + 1;

      if (*p == '\0')
        break;
      else if (*p == TEND_SNIPPET_MATCH_START && !open)
        {
          g_string_append (markup, TEND_SNIPPET_HIGHLIGHT_START);
          open = TRUE;
        }
      else if (*p == TEND_SNIPPET_MATCH_END && open)
        {
          g_string_append (markup, TEND_SNIPPET_HIGHLIGHT_END);
          open = FALSE;
        }
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (markup, ' ');
    }

  if (open)
    g_string_append (markup, TEND_SNIPPET_HIGHLIGHT_END);

  return g_strstrip (g_string_free_and_steal (g_steal_pointer (&markup)));
}

/**
 * tend_snippet_to_text:
 * @snippet: text with matches between U+0002 and U+0003
 *
 * Returns: (transfer full): the plain text of @snippet, as screen readers read it
 */
char *
tend_snippet_to_text (const char *snippet)
{
  GString *text;

  g_return_val_if_fail (snippet != NULL, NULL);

  text = g_string_new (NULL);
  for (const char *p = snippet; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      g_string_append_c (text, ' ');
    else if (*p != TEND_SNIPPET_MATCH_START && *p != TEND_SNIPPET_MATCH_END)
      g_string_append_c (text, *p);

  return g_strstrip (g_string_free (text, FALSE));
}
