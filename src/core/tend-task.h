/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void tend_task_run_in_thread (GTask           *task,
                              GTaskThreadFunc  thread_func);

G_END_DECLS
