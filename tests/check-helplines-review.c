/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check-helplines-review: whether Tend's helplines may ship as they are. Prints who last
 * read every line against its source, when, and by when the next reading is due; exits
 * with 1 once that day has passed, so "build-aux/dev release-check" stops a release. */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "tend-helplines.h"

static void
print_date (const char  *label,
            const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  printf ("%s%s\n", label, text);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TendHelplines) helplines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const GDate *next_review;
  GDate today;

  setlocale (LC_ALL, "C.UTF-8");

  helplines = tend_helplines_new_builtin (&error);
  if (helplines == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  next_review = tend_helplines_get_next_review (helplines);

  printf ("reviewed_by: %s\n", tend_helplines_get_reviewed_by (helplines));
  print_date ("reviewed_on: ", tend_helplines_get_reviewed_on (helplines));
  print_date ("next_review: ", next_review);

  if (tend_helplines_is_review_due (helplines, &today))
    {
      fprintf (stderr, "The helplines are due for review: read every line again at its "
                       "source, then update verified_on, reviewed_by, reviewed_on and "
                       "next_review in resources/helplines/helplines.json (README, "
                       "\"Updating the helplines\").\n");
      return 1;
    }

  printf ("%d days until the next review\n", g_date_days_between (&today, next_review));
  return 0;
}
