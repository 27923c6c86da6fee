// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>

#ifdef HAVE_LIBKMOD
#include <libkmod.h>
#endif

#include "log.h"
#include "module.h"

#ifdef HAVE_LIBKMOD
static void kmod_quiet(void *data, int prio, const char *file, int line,
		       const char *fn, const char *fmt, va_list args)
{
	(void)data; (void)prio; (void)file; (void)line; (void)fn;
	(void)fmt; (void)args;
}
#endif

int ksmbd_module_load(void)
{
#ifdef HAVE_LIBKMOD
	struct kmod_ctx *ctx;
	struct kmod_module *mod = NULL;
	int ret;
#endif

	if (access("/sys/module/ksmbd", F_OK) == 0 ||
	    access("/sys/class/ksmbd-control", F_OK) == 0)
		return 0;	/* built in or already loaded */
#ifdef HAVE_LIBKMOD
	ctx = kmod_new(NULL, NULL);
	if (!ctx)
		return -ENOMEM;
	kmod_set_log_fn(ctx, kmod_quiet, NULL);
	ret = kmod_module_new_from_name(ctx, "ksmbd", &mod);
	if (!ret)
		ret = kmod_module_probe_insert_module(mod, 0, NULL, NULL, NULL,
						      NULL);
	if (ret < 0)
		pr_debug("loading module ksmbd: %d", ret);
	else if (ret > 0)
		ret = -ENOENT;	/* blacklisted or otherwise refused */
	if (mod)
		kmod_module_unref(mod);
	kmod_unref(ctx);
	return ret;
#else
	return -ENOENT;
#endif
}
