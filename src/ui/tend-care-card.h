/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* TendCareCard: the care check's card, a calm note under a text field that offers Get Help
 * Now (the app.help-now action) when what was written says the writer wants to die or to
 * hurt themselves (tend_care_check_matches()). It never takes the focus, never blocks
 * typing, and keeps nothing: what matched lives only in this widget, while it is shown.
 * It follows the "care-check" setting: when that is off, it never shows.
 *
 * To use it under a text field (a note, a search entry):
 *
 * 1. Put it just under the field, in a vertical box. It hides itself entirely while it
 *    has nothing to show (do not set its visibility), so it adds no space then.
 * 2. Call tend_care_card_check() with the whole text once it settles: from
 *    GtkSearchEntry::search-changed (already delayed), or after a pause in typing
 *    (the check-in editor waits 700 ms). It shows the card, or hides it when the text no
 *    longer matches. A megabyte takes a few tens of milliseconds.
 * 3. Call tend_care_card_reset() when a new text begins (a new check-in, another search
 *    session): it hides the card and forgets that the person chose Not Now.
 * 4. Connect ::dismissed to move the focus back to the text field, as the card's button
 *    had it.
 */

#define TEND_TYPE_CARE_CARD (tend_care_card_get_type ())

G_DECLARE_FINAL_TYPE (TendCareCard, tend_care_card, TEND, CARE_CARD, AdwBin)

GtkWidget *tend_care_card_new       (void);
void       tend_care_card_check     (TendCareCard *self,
                                     const char   *text);
void       tend_care_card_check_search (TendCareCard *self,
                                        const char   *text);
void       tend_care_card_reset     (TendCareCard *self);
gboolean   tend_care_card_get_shown (TendCareCard *self);

G_END_DECLS
