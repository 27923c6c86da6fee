// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Open-file table of a session and per-inode shared state (see vfs/fid.h).
 */
#include <linux/slab.h>

#include "fid.h"
#include "../mgmt/session.h"
#include "../mgmt/tree.h"

int ksmbd_fid_table_init(struct ksmbd_session *sess)
{
	struct ksmbd_fid_table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	xa_init_flags(&t->xa, XA_FLAGS_ALLOC1);
	sess->files = t;
	return 0;
}

void ksmbd_fid_table_destroy(struct ksmbd_session *sess)
{
	struct ksmbd_fid_table *t = sess->files;

	if (!t)
		return;
	sess->files = NULL;
	WARN_ON_ONCE(!xa_empty(&t->xa));
	xa_destroy(&t->xa);
	kfree(t);
}

void ksmbd_close_tree_files(struct ksmbd_tree_connect *tcon)
{
}

void ksmbd_close_session_files(struct ksmbd_session *sess)
{
}
