/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "tend-test-vfs.h"

/* A disk that fills up on demand: an SQLite VFS that wraps the default one and, once armed,
 * answers every write and truncation with SQLITE_FULL, as a full disk does. Installed as
 * the default VFS, so the journal, the backups and every other connection the core opens
 * go through it unchanged. Armed from any thread; reads are never refused. */

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real; /* follows this struct, in the same allocation */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static gint armed;              /* whether writes are being counted down */
static gint writes_left;        /* writes still allowed while armed */
static gint n_refused;

static gboolean
refuse_write (void)
{
  if (!g_atomic_int_get (&armed))
    return FALSE;

  /* Counts down to zero, then refuses every write until disarmed. */
  for (;;)
    {
      gint left = g_atomic_int_get (&writes_left);

      if (left <= 0)
        break;
      if (g_atomic_int_compare_and_exchange (&writes_left, left, left - 1))
        return FALSE;
    }

  g_atomic_int_inc (&n_refused);
  return TRUE;
}

#define REAL(file) (((FaultFile *) (file))->real)

static int
fault_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  file->pMethods = NULL;
  return rc;
}

static int
fault_read (sqlite3_file     *file,
            void             *buffer,
            int               amount,
            sqlite3_int64     offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buffer, amount, offset);
}

static int
fault_write (sqlite3_file     *file,
             const void       *buffer,
             int               amount,
             sqlite3_int64     offset)
{
  if (refuse_write ())
    return SQLITE_FULL;

  return REAL (file)->pMethods->xWrite (REAL (file), buffer, amount, offset);
}

static int
fault_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  if (refuse_write ())
    return SQLITE_FULL;

  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file,
            int           flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file,
            int           lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
fault_unlock (sqlite3_file *file,
              int           lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
fault_check_reserved_lock (sqlite3_file *file,
                           int          *result)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), result);
}

static int
fault_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  /* Growing the file ahead of writes fails on a full disk too. */
  if (op == SQLITE_FCNTL_SIZE_HINT && refuse_write ())
    return SQLITE_FULL;

  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fault_shm_map (sqlite3_file  *file,
               int            page,
               int            page_size,
               int            extend,
               void volatile **mapped)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, mapped);
}

static int
fault_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
fault_fetch (sqlite3_file   *file,
             sqlite3_int64   offset,
             int             amount,
             void          **pointer)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, pointer);
}

static int
fault_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *pointer)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, pointer);
}

static const sqlite3_io_methods fault_io_methods = {
  .iVersion = 3,
  .xClose = fault_close,
  .xRead = fault_read,
  .xWrite = fault_write,
  .xTruncate = fault_truncate,
  .xSync = fault_sync,
  .xFileSize = fault_file_size,
  .xLock = fault_lock,
  .xUnlock = fault_unlock,
  .xCheckReservedLock = fault_check_reserved_lock,
  .xFileControl = fault_file_control,
  .xSectorSize = fault_sector_size,
  .xDeviceCharacteristics = fault_device_characteristics,
  .xShmMap = fault_shm_map,
  .xShmLock = fault_shm_lock,
  .xShmBarrier = fault_shm_barrier,
  .xShmUnmap = fault_shm_unmap,
  .xFetch = fault_fetch,
  .xUnfetch = fault_unfetch,
};

static int
fault_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  FaultFile *fault = (FaultFile *) file;
  int rc;

  fault->real = (sqlite3_file *) (fault + 1);
  memset (fault->real, 0, real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, fault->real, flags, out_flags);

  /* SQLite calls xClose only when pMethods is set, even after a failed open. */
  file->pMethods = fault->real->pMethods != NULL ? &fault_io_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *result)
{
  return real_vfs->xAccess (real_vfs, name, flags, result);
}

static int
fault_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          n_out,
                     char        *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs,
                int          n_bytes,
                char        *message)
{
  real_vfs->xDlError (real_vfs, n_bytes, message);
}

static void (*
fault_dl_sym (sqlite3_vfs *vfs,
              void        *handle,
              const char  *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs,
                  int          n_bytes,
                  char        *out)
{
  return real_vfs->xRandomness (real_vfs, n_bytes, out);
}

static int
fault_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs,
                    double      *now)
{
  return real_vfs->xCurrentTime (real_vfs, now);
}

static int
fault_get_last_error (sqlite3_vfs *vfs,
                      int          n_bytes,
                      char        *message)
{
  return real_vfs->xGetLastError (real_vfs, n_bytes, message);
}

static int
fault_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *now)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, now);
}

/**
 * tend_test_vfs_install:
 *
 * Makes the fault-injecting VFS SQLite's default, before any connection is opened.
 */
void
tend_test_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  g_assert_cmpint (sqlite3_initialize (), ==, SQLITE_OK);
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "tend-test-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

/**
 * tend_test_vfs_arm:
 * @n_writes_before_full: how many more writes succeed before the disk is full; 0 refuses
 *   the next one
 *
 * Fills the disk: from then on, until tend_test_vfs_disarm(), writes fail with SQLITE_FULL.
 */
void
tend_test_vfs_arm (guint n_writes_before_full)
{
  g_assert_nonnull (real_vfs);

  g_atomic_int_set (&n_refused, 0);
  g_atomic_int_set (&writes_left, (gint) n_writes_before_full);
  g_atomic_int_set (&armed, 1);
}

/* Frees the disk again. */
void
tend_test_vfs_disarm (void)
{
  g_atomic_int_set (&armed, 0);
}

/* How many writes were refused since the VFS was last armed. */
guint
tend_test_vfs_get_n_refused (void)
{
  return (guint) g_atomic_int_get (&n_refused);
}
