/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tend-usage"

#include "config.h"

#include "tend-usage.h"

/* Usage time: the spans of active use, stored in usage_intervals as they happen.
 *
 * The open span is a row whose ended_at is moved forward at each tick (at least once a
 * minute while active), so a crash loses at most the minute since the last tick. Gaps
 * between spans are idle, locked or suspended time; a gap at least as long as a break
 * counts as a break. Readers merge overlapping rows, so two writers (or a span started
 * again after a crash) never count the same second twice. */
struct _TendUsage
{
  GObject       parent_instance;

  /* Owned */
  TendDatabase *database;
  TendClock    *clock;

  guint         break_length_s;
  gboolean      active;
  gint64        open_id;    /* the row of the open span, 0 when idle */
  gint64        open_start;
  gint64        last_tick;  /* realtime of the last tick or change, unix s */
};

G_DEFINE_FINAL_TYPE (TendUsage, tend_usage, G_TYPE_OBJECT)

typedef struct
{
  gint64 start;
  gint64 end;
} Span;

/* How far back the current stretch is looked for. */
#define STRETCH_LOOKBACK_S (24 * 60 * 60)

static void
tend_usage_finalize (GObject *object)
{
  TendUsage *self = TEND_USAGE (object);

  g_clear_object (&self->database);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (tend_usage_parent_class)->finalize (object);
}

static void
tend_usage_class_init (TendUsageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tend_usage_finalize;
}

static void
tend_usage_init (TendUsage *self)
{
  self->break_length_s = TEND_USAGE_DEFAULT_BREAK_LENGTH_S;
}

/**
 * tend_usage_new:
 * @database: the journal database (schema version 3 or later)
 * @clock: where the time comes from
 *
 * Returns: (transfer full): a tracker, idle until tend_usage_set_active()
 */
TendUsage *
tend_usage_new (TendDatabase *database,
                TendClock    *clock)
{
  TendUsage *self;

  g_return_val_if_fail (TEND_IS_DATABASE (database), NULL);
  g_return_val_if_fail (TEND_IS_CLOCK (clock), NULL);

  self = g_object_new (TEND_TYPE_USAGE, NULL);
  self->database = g_object_ref (database);
  self->clock = g_object_ref (clock);
  return self;
}

/**
 * tend_usage_get_clock:
 *
 * Returns: (transfer none): the clock the tracker reads
 */
TendClock *
tend_usage_get_clock (TendUsage *self)
{
  g_return_val_if_fail (TEND_IS_USAGE (self), NULL);

  return self->clock;
}

guint
tend_usage_get_break_length (TendUsage *self)
{
  g_return_val_if_fail (TEND_IS_USAGE (self), 0);

  return self->break_length_s;
}

/**
 * tend_usage_set_break_length:
 * @seconds: the shortest idle, locked or suspended gap that counts as a break
 */
void
tend_usage_set_break_length (TendUsage *self,
                             guint      seconds)
{
  g_return_if_fail (TEND_IS_USAGE (self));
  g_return_if_fail (seconds > 0);

  self->break_length_s = seconds;
}

gboolean
tend_usage_is_active (TendUsage *self)
{
  g_return_val_if_fail (TEND_IS_USAGE (self), FALSE);

  return self->active;
}

static gint64
now_unix (TendUsage *self)
{
  g_autoptr(GDateTime) now = tend_clock_get_now (self->clock);

  return g_date_time_to_unix (now);
}

/* The clock jumped since the last tick: forward by more than a tick can be late, as after
 * a suspend, or backwards, as when the clock is set. */
static gboolean
clock_jumped (TendUsage *self,
              gint64     now)
{
  return now - self->last_tick > TEND_USAGE_SUSPEND_GAP_S || now < self->last_tick;
}

/* Where the open span ends as far as anyone can tell now. */
static gint64
open_end (TendUsage *self,
          gint64     now)
{
  g_assert (self->active);

  if (clock_jumped (self, now))
    return MAX (self->last_tick, self->open_start);

  return now;
}

static gboolean
insert_span (TendUsage  *self,
             gint64      start,
             gint64      end,
             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "INSERT INTO usage_intervals (started_at, ended_at) "
                                "VALUES (?1, ?2)",
                                error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (self->database, rc, error);
      tend_database_unlock (self->database);
      return FALSE;
    }

  self->open_id = sqlite3_last_insert_rowid (tend_database_get_handle (self->database));
  tend_database_unlock (self->database);
  return TRUE;
}

/* Moves the end of the open span; a span that ends where it began is removed. */
static gboolean
write_end (TendUsage  *self,
           gint64      end,
           GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (self->open_id != 0);

  tend_database_lock (self->database);
  if (end <= self->open_start)
    stmt = tend_database_prepare (self->database,
                                  "DELETE FROM usage_intervals WHERE id = ?1",
                                  error);
  else
    stmt = tend_database_prepare (self->database,
                                  "UPDATE usage_intervals SET ended_at = ?2 WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, self->open_id);
  if (end > self->open_start)
    sqlite3_bind_int64 (stmt, 2, end);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  tend_database_unlock (self->database);

  if (rc != SQLITE_DONE)
    return tend_database_set_error_from_sqlite (self->database, rc, error);

  return TRUE;
}

static gboolean
open_span (TendUsage  *self,
           gint64      start,
           gint64      now,
           GError    **error)
{
  start = MIN (start, now);

  if (!insert_span (self, start, now, error))
    return FALSE;

  self->active = TRUE;
  self->open_start = start;
  self->last_tick = now;
  return TRUE;
}

static gboolean
close_span (TendUsage  *self,
            gint64      end,
            GError    **error)
{
  gboolean ok;

  ok = write_end (self, MAX (end, self->open_start), error);

  /* Even when the row could not be written, the span is over: the next one starts
   * afresh instead of stretching this one over time that was not active. */
  self->active = FALSE;
  self->open_id = 0;
  return ok;
}

/**
 * tend_usage_set_active:
 * @active: whether the user is active now
 * @at_unix_s: when the state began: the first input for %TRUE, the last input for %FALSE
 *
 * Records a change between active and idle (or locked). An active span is stored at once
 * and grows with each tend_usage_tick(); becoming idle ends it at the last input, or at
 * the last tick when the computer was suspended in between.
 *
 * Returns: %FALSE with @error set when the change could not be stored
 */
gboolean
tend_usage_set_active (TendUsage  *self,
                       gboolean    active,
                       gint64      at_unix_s,
                       GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (TEND_IS_USAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  active = !!active;

  /* The span state is read under the database lock by whoever reads the spans, on any
   * thread (Insights reads from a worker), so it changes under that lock too. */
  tend_database_lock (self->database);
  if (active == self->active)
    ok = TRUE;
  else if (active)
    ok = open_span (self, at_unix_s, now_unix (self), error);
  else
    ok = close_span (self, MIN (at_unix_s, open_end (self, now_unix (self))), error);
  tend_database_unlock (self->database);

  return ok;
}

static gboolean
tick_locked (TendUsage  *self,
             gint64      now,
             GError    **error)
{
  if (!self->active)
    {
      self->last_tick = now;
      return TRUE;
    }

  if (clock_jumped (self, now))
    {
      g_debug ("The clock jumped by %" G_GINT64_FORMAT " s: a suspend or a clock change",
               now - self->last_tick);
      if (!close_span (self, open_end (self, now), error))
        {
          self->last_tick = now;
          return FALSE;
        }
      return open_span (self, now, now, error);
    }

  self->last_tick = now;
  return write_end (self, now, error);
}

/**
 * tend_usage_tick:
 *
 * Called at least once a minute while active: writes the open span's new end, so a crash
 * loses at most a minute. A tick more than %TEND_USAGE_SUSPEND_GAP_S seconds after the
 * one before means the computer was suspended: the span ends at the earlier tick, and a
 * new one starts now, as the user is still active (the activity source says when not).
 *
 * Returns: %FALSE with @error set when the span could not be stored
 */
gboolean
tend_usage_tick (TendUsage  *self,
                 GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (TEND_IS_USAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tend_database_lock (self->database);
  ok = tick_locked (self, now_unix (self), error);
  tend_database_unlock (self->database);

  return ok;
}

/* Reads the spans that touch [from, until], merged so none overlap, oldest first. The
 * open span counts up to now. */
static GArray *
read_spans (TendUsage  *self,
            gint64      from,
            gint64      until,
            GError    **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  sqlite3_stmt *stmt;
  gint64 now = now_unix (self);
  int rc;

  tend_database_lock (self->database);
  stmt = tend_database_prepare (self->database,
                                "SELECT id, started_at, ended_at FROM usage_intervals "
                                "WHERE ended_at >= ?1 AND started_at <= ?2 "
                                "ORDER BY started_at, ended_at",
                                error);
  if (stmt == NULL)
    {
      tend_database_unlock (self->database);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, until);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Span span = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

      if (self->active && sqlite3_column_int64 (stmt, 0) == self->open_id)
        span.end = MAX (span.end, open_end (self, now));

      if (spans->len > 0)
        {
          Span *last = &g_array_index (spans, Span, spans->len - 1);

          if (span.start <= last->end)
            {
              last->end = MAX (last->end, span.end);
              continue;
            }
        }

      g_array_append_val (spans, span);
    }
  sqlite3_reset (stmt);
  tend_database_unlock (self->database);

  if (rc != SQLITE_DONE)
    {
      tend_database_set_error_from_sqlite (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&spans);
}

/**
 * tend_usage_get_day_of:
 * @time: a moment
 * @day: (out caller-allocates): the usage day it belongs to
 *
 * Usage days run from 03:00 to 03:00 local time, so a late night counts with its evening.
 */
void
tend_usage_get_day_of (GDateTime *time,
                       GDate     *day)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, mday;

  g_return_if_fail (time != NULL);
  g_return_if_fail (day != NULL);

  local = g_date_time_to_local (time);
  g_date_time_get_ymd (local, &year, &month, &mday);
  g_date_clear (day, 1);
  g_date_set_dmy (day, mday, month, year);

  if (g_date_time_get_hour (local) < TEND_USAGE_DAY_START_HOUR)
    g_date_subtract_days (day, 1);
}

/**
 * tend_usage_get_day_start:
 * @day: a usage day
 *
 * Returns: the unix time at which @day starts (03:00 local time)
 */
gint64
tend_usage_get_day_start (const GDate *day)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (g_date_valid (day), 0);

  start = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                 g_date_get_day (day), TEND_USAGE_DAY_START_HOUR, 0, 0);
  return g_date_time_to_unix (start);
}

static gint64
next_day_start (const GDate *day)
{
  GDate next = *day;

  g_date_add_days (&next, 1);
  return tend_usage_get_day_start (&next);
}

/* Fills in @day's totals from @spans. A break is a gap of at least the break length
 * that both begins and ends within the day. */
static void
count_day (TendUsage    *self,
           GArray       *spans,
           TendUsageDay *day)
{
  gint64 from = tend_usage_get_day_start (&day->day);
  gint64 until = next_day_start (&day->day);

  day->active_s = 0;
  day->n_breaks = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);
      gint64 start = MAX (span->start, from);
      gint64 end = MIN (span->end, until);

      if (end > start)
        day->active_s += end - start;

      if (i > 0)
        {
          const Span *before = &g_array_index (spans, Span, i - 1);

          if (before->end >= from && span->start < until &&
              span->start - before->end >= (gint64) self->break_length_s)
            day->n_breaks++;
        }
    }
}

/**
 * tend_usage_get_days:
 * @first: the first usage day
 * @last: the last usage day, not before @first
 *
 * Returns: (transfer full) (element-type TendUsageDay): one #TendUsageDay for each day
 *   from @first to @last, in order, days without use included; or %NULL with @error set
 */
GArray *
tend_usage_get_days (TendUsage    *self,
                     const GDate  *first,
                     const GDate  *last,
                     GError      **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (TendUsageDay));
  g_autoptr(GArray) spans = NULL;
  GDate day;

  g_return_val_if_fail (TEND_IS_USAGE (self), NULL);
  g_return_val_if_fail (g_date_valid (first) && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  spans = read_spans (self, tend_usage_get_day_start (first), next_day_start (last), error);
  if (spans == NULL)
    return NULL;

  for (day = *first; g_date_compare (&day, last) <= 0; g_date_add_days (&day, 1))
    {
      TendUsageDay usage_day = { .day = day };

      count_day (self, spans, &usage_day);
      g_array_append_val (days, usage_day);
    }

  return g_steal_pointer (&days);
}

/**
 * tend_usage_get_day_total:
 * @day: a usage day (03:00 to 03:00 local time)
 *
 * Returns: the seconds of active use in @day; 0 with @error set when it could not be read
 */
guint
tend_usage_get_day_total (TendUsage    *self,
                          const GDate  *day,
                          GError      **error)
{
  g_autoptr(GArray) days = NULL;

  g_return_val_if_fail (TEND_IS_USAGE (self), 0);
  g_return_val_if_fail (g_date_valid (day), 0);

  days = tend_usage_get_days (self, day, day, error);
  if (days == NULL)
    return 0;

  return g_array_index (days, TendUsageDay, 0).active_s;
}

/**
 * tend_usage_get_stretch:
 * @gap_s: the shortest gap that ends a stretch
 * @started_at: (out) (optional): where the stretch began (unix s), 0 when there is none
 *
 * The current stretch is the active use since the last gap of at least @gap_s seconds;
 * idle gaps shorter than that are part of the stretch but do not count. When the user
 * has been away for @gap_s seconds already, there is no current stretch.
 *
 * Returns: the active seconds in the current stretch
 */
guint
tend_usage_get_stretch (TendUsage  *self,
                        guint       gap_s,
                        gint64     *started_at,
                        GError    **error)
{
  g_autoptr(GArray) spans = NULL;
  gint64 now, since;
  guint active = 0;

  g_return_val_if_fail (TEND_IS_USAGE (self), 0);

  if (started_at != NULL)
    *started_at = 0;

  now = now_unix (self);
  since = now - STRETCH_LOOKBACK_S;
  spans = read_spans (self, since, now, error);
  if (spans == NULL || spans->len == 0)
    return 0;

  if (now - g_array_index (spans, Span, spans->len - 1).end >= (gint64) gap_s)
    return 0;

  for (guint i = spans->len; i-- > 0;)
    {
      const Span *span = &g_array_index (spans, Span, i);
      gint64 start = MAX (span->start, since);
      gint64 end = MIN (span->end, now);

      if (end > start)
        active += end - start;

      if (started_at != NULL)
        *started_at = span->start;

      if (i > 0 && span->start - g_array_index (spans, Span, i - 1).end >= (gint64) gap_s)
        break;
    }

  return active;
}

/**
 * tend_usage_get_continuous:
 *
 * Returns: the active seconds since the last break of at least the break length
 */
guint
tend_usage_get_continuous (TendUsage  *self,
                           GError    **error)
{
  g_return_val_if_fail (TEND_IS_USAGE (self), 0);

  return tend_usage_get_stretch (self, self->break_length_s, NULL, error);
}
