/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Readable on the card background in light and in dark: a translucent yellow under bold
 * text, whose colour stays the label's own. */
#define TEND_SNIPPET_HIGHLIGHT_START "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"27500\">"
#define TEND_SNIPPET_HIGHLIGHT_END   "</span>"

/* Search snippets, from the journal and from the guides, mark each match between these. */
#define TEND_SNIPPET_MATCH_START '\002'
#define TEND_SNIPPET_MATCH_END   '\003'

char *tend_snippet_to_markup (const char *snippet);
char *tend_snippet_to_text   (const char *snippet);

G_END_DECLS
