/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tend-clock.h"

/* Everything in Tend that asks for the time asks a TendClock, so the tests can set it. */
struct _TendClock
{
  GObject    parent_instance;

  /* Owned */
  GDateTime *manual_now; /* NULL for the system clock */
};

G_DEFINE_FINAL_TYPE (TendClock, tend_clock, G_TYPE_OBJECT)

static void
tend_clock_finalize (GObject *object)
{
  TendClock *self = TEND_CLOCK (object);

  g_clear_pointer (&self->manual_now, g_date_time_unref);

  G_OBJECT_CLASS (tend_clock_parent_class)->finalize (object);
}

static void
tend_clock_class_init (TendClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tend_clock_finalize;
}

static void
tend_clock_init (TendClock *self)
{
}

TendClock *
tend_clock_new_system (void)
{
  return g_object_new (TEND_TYPE_CLOCK, NULL);
}

/**
 * tend_clock_new_manual:
 * @now: the time the clock shows until it is set or advanced
 *
 * Returns: (transfer full): a clock that only moves when told to
 */
TendClock *
tend_clock_new_manual (GDateTime *now)
{
  TendClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (TEND_TYPE_CLOCK, NULL);
  self->manual_now = g_date_time_ref (now);
  return self;
}

/**
 * tend_clock_get_now:
 *
 * Returns: (transfer full): the current time, in the local time zone
 */
GDateTime *
tend_clock_get_now (TendClock *self)
{
  g_return_val_if_fail (TEND_IS_CLOCK (self), NULL);

  if (self->manual_now != NULL)
    return g_date_time_to_local (self->manual_now);

  return g_date_time_new_now_local ();
}

void
tend_clock_set_now (TendClock *self,
                    GDateTime *now)
{
  g_return_if_fail (TEND_IS_CLOCK (self));
  g_return_if_fail (self->manual_now != NULL);
  g_return_if_fail (now != NULL);

  g_date_time_unref (self->manual_now);
  self->manual_now = g_date_time_ref (now);
}
