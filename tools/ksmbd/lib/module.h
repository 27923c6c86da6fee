/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Loading the ksmbd module (libkmod when built with it). */
#ifndef KSMBD_MODULE_H
#define KSMBD_MODULE_H

/*
 * Make sure the ksmbd server is in the kernel: nothing to do when it is
 * built in or loaded, else insert the module with its dependencies.
 * 0 or -errno.
 */
int ksmbd_module_load(void);

#endif
