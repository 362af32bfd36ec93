/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-care-card"

#include "config.h"

#include "tend-care-card.h"
#include "tend-care-check.h"

/* Whether the card shows is decided here from three things held in memory only: did the
 * last text checked match, did the person choose Not Now since the last reset, and is the
 * care check on. None of them is written anywhere, and the text itself is never kept. */
struct _TendCareCard
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;    /* the bin's child, so not bound: the bin lets it go itself */
  GtkLabel    *title_label;
  GtkLabel    *body_label;

  /* Owned */
  GSettings   *settings;

  guint        scroll_tick_id;
  guint        scroll_frames;  /* left to scroll the card into view in */

  guint        matches : 1;
  guint        dismissed : 1;
};

G_DEFINE_FINAL_TYPE (TendCareCard, tend_care_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOWN,
  N_PROPS,
};

enum {
  SIGNAL_DISMISSED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_enabled (TendCareCard *self)
{
  return g_settings_get_boolean (self->settings, "care-check");
}

/* Said once, politely, when the card appears: a screen reader user hears it without
 * losing their place in the text. */
static void
announce (TendCareCard *self)
{
  g_autofree char *message = g_strdup_printf ("%s %s", gtk_label_get_label (self->title_label),
                                              gtk_label_get_label (self->body_label));

  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
update (TendCareCard *self)
{
  gboolean show = self->matches && !self->dismissed && is_enabled (self);

  if (show == gtk_revealer_get_reveal_child (self->revealer))
    return;

  /* The card is hidden whole while closed, so it adds no spacing to its box; it is shown
   * before it slides open, and hidden once it has slid closed. */
  if (show)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, show);
  if (show)
    announce (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TendCareCard *self = TEND_CARE_CARD (widget);
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);

  if (viewport != NULL)
    gtk_viewport_scroll_to (GTK_VIEWPORT (viewport), widget, NULL);

  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Once open, the card is scrolled into view if it opened below the bottom of a scrolled
 * page, as under a long note: the least scrolling that shows it, no focus moved. Again on
 * the next frames: the page may not have made room for the card yet when it opens (on a
 * slow machine, the scrolling fell short of it). */
static void
child_revealed_cb (TendCareCard *self)
{
  gboolean revealed = gtk_revealer_get_child_revealed (self->revealer);

  if (!gtk_revealer_get_reveal_child (self->revealer) && !revealed)
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  else if (revealed && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->scroll_frames = 3;
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                             NULL, NULL);
    }
}

static void
not_now_clicked_cb (TendCareCard *self)
{
  self->dismissed = TRUE;
  update (self);
  g_signal_emit (self, signals[SIGNAL_DISMISSED], 0);
}

static void
setting_changed_cb (TendCareCard *self)
{
  if (!is_enabled (self))
    self->matches = FALSE;
  update (self);
}

static void
tend_care_card_dispose (GObject *object)
{
  TendCareCard *self = TEND_CARE_CARD (object);

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), TEND_TYPE_CARE_CARD);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tend_care_card_parent_class)->dispose (object);
}

static void
tend_care_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TendCareCard *self = TEND_CARE_CARD (object);

  switch (prop_id)
    {
    case PROP_SHOWN:
      g_value_set_boolean (value, tend_care_card_get_shown (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tend_care_card_class_init (TendCareCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tend_care_card_dispose;
  object_class->get_property = tend_care_card_get_property;

  /**
   * TendCareCard:shown:
   *
   * Whether the card is showing, or sliding open.
   */
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TendCareCard::dismissed:
   *
   * The person chose Not Now; the card stays closed until tend_care_card_reset().
   */
  signals[SIGNAL_DISMISSED] = g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/tend-care-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TendCareCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, TendCareCard, body_label);
  gtk_widget_class_bind_template_callback (widget_class, child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, not_now_clicked_cb);
}

static void
tend_care_card_init (TendCareCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->revealer = GTK_REVEALER (adw_bin_get_child (ADW_BIN (self)));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed::care-check",
                           G_CALLBACK (setting_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tend_care_card_new (void)
{
  return g_object_new (TEND_TYPE_CARE_CARD, NULL);
}

/**
 * tend_care_card_check:
 * @text: (nullable): the whole text, as it is now
 *
 * Shows the card when @text holds a phrase of the care check, the check is on and the
 * person did not choose Not Now since the last reset; hides it when @text no longer does.
 * When the check is off, @text is not even looked at.
 */
void
tend_care_card_check (TendCareCard *self,
                      const char   *text)
{
  g_return_if_fail (TEND_IS_CARE_CARD (self));

  self->matches = is_enabled (self) && tend_care_check_matches (text);
  update (self);
}

/**
 * tend_care_card_check_search:
 * @text: what was typed into a search
 *
 * Like tend_care_card_check(), for a search: the card also shows when the search names
 * suicide, self-harm, an eating disorder or abuse, even in one word
 * (tend_care_check_search_matches()).
 */
void
tend_care_card_check_search (TendCareCard *self,
                             const char   *text)
{
  g_return_if_fail (TEND_IS_CARE_CARD (self));

  self->matches = is_enabled (self) && tend_care_check_search_matches (text);
  update (self);
}

/**
 * tend_care_card_reset:
 *
 * Hides the card and forgets Not Now, for a new text.
 */
void
tend_care_card_reset (TendCareCard *self)
{
  g_return_if_fail (TEND_IS_CARE_CARD (self));

  self->matches = FALSE;
  self->dismissed = FALSE;
  update (self);
}

gboolean
tend_care_card_get_shown (TendCareCard *self)
{
  g_return_val_if_fail (TEND_IS_CARE_CARD (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
