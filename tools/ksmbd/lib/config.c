// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ksmbd.conf keys as a table: each row names the key, where it may appear
 * (global only, share, or both without inheritance) and how its value is
 * parsed into which field. Share keys given in [global] are the defaults of
 * every share: they are applied to each share before the share's own keys.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "ini.h"
#include "log.h"
#include "subst.h"
#include "unicode.h"

enum key_scope { SC_GLOBAL = 2, SC_SHARE = 1, SC_BOTH = 3 };
enum key_type { K_STR, K_BOOL, K_INVBOOL, K_LIST, K_OCT, K_UINT, K_SIZE,
		K_SIGNING, K_ENCRYPT, K_MAPGUEST, K_VFS, K_PROTO, K_IGNORE };

struct key_def {
	const char *name;
	unsigned char scope;
	unsigned char type;
	size_t goff;		/* offset in struct global_config */
	size_t soff;		/* offset in struct share */
	uint64_t max;		/* K_UINT / K_SIZE / K_OCT upper bound */
};

#define G(f)	offsetof(struct global_config, f)
#define S(f)	offsetof(struct share, f)
#define NONE	((size_t)-1)

static const struct key_def keys[] = {
	/* [global] only */
	{ "server string", SC_GLOBAL, K_STR, G(server_string), NONE, 0 },
	{ "workgroup", SC_GLOBAL, K_STR, G(workgroup), NONE, 0 },
	{ "netbios name", SC_GLOBAL, K_STR, G(netbios_name), NONE, 0 },
	{ "interfaces", SC_GLOBAL, K_LIST, G(interfaces), NONE, 0 },
	{ "bind interfaces only", SC_GLOBAL, K_BOOL, G(bind_interfaces_only), NONE, 0 },
	{ "tcp port", SC_GLOBAL, K_UINT, G(tcp_port), NONE, 65535 },
	{ "server min protocol", SC_GLOBAL, K_PROTO, G(min_prot), NONE, 0 },
	{ "server max protocol", SC_GLOBAL, K_PROTO, G(max_prot), NONE, 0 },
	{ "server signing", SC_GLOBAL, K_SIGNING, G(server_signing), NONE, 0 },
	{ "smb3 encryption", SC_GLOBAL, K_ENCRYPT, G(smb3_encryption), NONE, 0 },
	{ "map to guest", SC_GLOBAL, K_MAPGUEST, G(map_to_guest), NONE, 0 },
	{ "restrict anonymous", SC_GLOBAL, K_UINT, G(restrict_anonymous), NONE, 2 },
	{ "deadtime", SC_GLOBAL, K_UINT, G(deadtime), NONE, UINT32_MAX },
	{ "ipc timeout", SC_GLOBAL, K_UINT, G(ipc_timeout), NONE, 65535 },
	{ "max open files", SC_GLOBAL, K_UINT, G(max_open_files), NONE, UINT32_MAX },
	{ "max active sessions", SC_GLOBAL, K_UINT, G(max_active_sessions), NONE, UINT32_MAX },
	{ "max ip connections", SC_GLOBAL, K_UINT, G(max_ip_connections), NONE, UINT32_MAX },
	{ "smb2 max read", SC_GLOBAL, K_SIZE, G(smb2_max_read), NONE, UINT32_MAX },
	{ "smb2 max write", SC_GLOBAL, K_SIZE, G(smb2_max_write), NONE, UINT32_MAX },
	{ "smb2 max trans", SC_GLOBAL, K_SIZE, G(smb2_max_trans), NONE, UINT32_MAX },
	{ "smb2 max credits", SC_GLOBAL, K_UINT, G(smb2_max_credits), NONE, UINT32_MAX },
	{ "smbd max io size", SC_GLOBAL, K_SIZE, G(smbd_max_io_size), NONE, UINT32_MAX },
	{ "share:fake_fscaps", SC_GLOBAL, K_UINT, G(fake_fscaps), NONE, UINT32_MAX },
	{ "smb2 leases", SC_GLOBAL, K_BOOL, G(smb2_leases), NONE, 0 },
	{ "server multi channel support", SC_GLOBAL, K_BOOL, G(multichannel), NONE, 0 },
	{ "kerberos service name", SC_GLOBAL, K_STR, G(krb5_service_name), NONE, 0 },
	{ "kerberos keytab file", SC_GLOBAL, K_STR, G(krb5_keytab), NONE, 0 },
	{ "root directory", SC_GLOBAL, K_STR, G(root_dir), NONE, 0 },
	/* both places, each its own meaning, never inherited */
	{ "guest account", SC_BOTH, K_STR, G(guest_account), S(guest_account), 0 },
	{ "max connections", SC_BOTH, K_UINT, G(max_connections), S(max_connections), 65536 },
	/* share keys ([global] sets the default) */
	{ "path", SC_SHARE, K_STR, NONE, S(path), 0 },
	{ "comment", SC_SHARE, K_STR, NONE, S(comment), 0 },
	{ "read only", SC_SHARE, K_INVBOOL, NONE, S(writeable), 0 },
	{ "writeable", SC_SHARE, K_BOOL, NONE, S(writeable), 0 },
	{ "writable", SC_SHARE, K_BOOL, NONE, S(writeable), 0 },
	{ "write ok", SC_SHARE, K_BOOL, NONE, S(writeable), 0 },
	{ "browseable", SC_SHARE, K_BOOL, NONE, S(browseable), 0 },
	{ "browsable", SC_SHARE, K_BOOL, NONE, S(browseable), 0 },
	{ "guest ok", SC_SHARE, K_BOOL, NONE, S(guest_ok), 0 },
	{ "public", SC_SHARE, K_BOOL, NONE, S(guest_ok), 0 },
	{ "guest only", SC_SHARE, K_BOOL, NONE, S(guest_only), 0 },
	{ "available", SC_SHARE, K_BOOL, NONE, S(available), 0 },
	{ "valid users", SC_SHARE, K_LIST, NONE, S(valid_users), 0 },
	{ "invalid users", SC_SHARE, K_LIST, NONE, S(invalid_users), 0 },
	{ "read list", SC_SHARE, K_LIST, NONE, S(read_list), 0 },
	{ "write list", SC_SHARE, K_LIST, NONE, S(write_list), 0 },
	{ "admin users", SC_SHARE, K_LIST, NONE, S(admin_users), 0 },
	{ "hosts allow", SC_SHARE, K_LIST, NONE, S(hosts_allow), 0 },
	{ "allow hosts", SC_SHARE, K_LIST, NONE, S(hosts_allow), 0 },
	{ "hosts deny", SC_SHARE, K_LIST, NONE, S(hosts_deny), 0 },
	{ "deny hosts", SC_SHARE, K_LIST, NONE, S(hosts_deny), 0 },
	{ "create mask", SC_SHARE, K_OCT, NONE, S(create_mask), 07777 },
	{ "create mode", SC_SHARE, K_OCT, NONE, S(create_mask), 07777 },
	{ "directory mask", SC_SHARE, K_OCT, NONE, S(directory_mask), 07777 },
	{ "directory mode", SC_SHARE, K_OCT, NONE, S(directory_mask), 07777 },
	{ "force create mode", SC_SHARE, K_OCT, NONE, S(force_create_mode), 07777 },
	{ "force directory mode", SC_SHARE, K_OCT, NONE, S(force_directory_mode), 07777 },
	{ "force user", SC_SHARE, K_STR, NONE, S(force_user), 0 },
	{ "force group", SC_SHARE, K_STR, NONE, S(force_group), 0 },
	{ "veto files", SC_SHARE, K_STR, NONE, S(veto_files), 0 },
	{ "hide dot files", SC_SHARE, K_BOOL, NONE, S(hide_dot_files), 0 },
	{ "store dos attributes", SC_SHARE, K_BOOL, NONE, S(store_dos_attrs), 0 },
	{ "oplocks", SC_SHARE, K_BOOL, NONE, S(oplocks), 0 },
	{ "inherit owner", SC_SHARE, K_BOOL, NONE, S(inherit_owner), 0 },
	{ "inherit permissions", SC_SHARE, K_IGNORE, NONE, NONE, 0 },
	{ "follow symlinks", SC_SHARE, K_BOOL, NONE, S(follow_symlinks), 0 },
	{ "crossmnt", SC_SHARE, K_BOOL, NONE, S(crossmnt), 0 },
	{ "streams", SC_SHARE, K_BOOL, NONE, S(streams), 0 },
	{ "acl xattr", SC_SHARE, K_BOOL, NONE, S(acl_xattr), 0 },
	{ "vfs objects", SC_SHARE, K_VFS, NONE, S(vfs_objects), 0 },
};

static const struct key_def *key_lookup(const char *key)
{
	char norm[128];
	size_t i;

	ini_norm_key(key, norm, sizeof(norm));
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(keys[i].name, norm))
			return &keys[i];
	return NULL;
}

int config_key_scope(const char *key)
{
	const struct key_def *k = key_lookup(key);

	if (!k)
		return 0;
	return k->scope == SC_GLOBAL ? 2 : 1;
}

static int parse_tristate(const char *v, bool allow_enabled)
{
	int b;

	if (!strcasecmp(v, "auto"))
		return CFG_AUTO;
	if (!strcasecmp(v, "mandatory") || !strcasecmp(v, "required"))
		return CFG_MANDATORY;
	if (!strcasecmp(v, "disabled"))
		return CFG_DISABLED;
	if (allow_enabled && !strcasecmp(v, "enabled"))
		return CFG_ENABLED;
	b = parse_bool(v);
	if (b == 0)
		return CFG_DISABLED;
	if (b == 1)
		return allow_enabled ? CFG_ENABLED : CFG_AUTO;
	return -1;
}

static bool valid_proto(const char *v)
{
	static const char *const names[] = { "SMB1", "NT1", "SMB2", "SMB2_02",
		"SMB2_10", "SMB3", "SMB3_00", "SMB3_02", "SMB3_11" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcasecmp(v, names[i]))
			return true;
	return false;
}

/* Parse v for k into the field at base + off; 0 or -EINVAL with why. */
static int apply_value(const struct key_def *k, void *base, size_t off,
		       const char *v, const char **why)
{
	char *field = base ? (char *)base + off : NULL;
	uint64_t n;
	int r;

	switch (k->type) {
	case K_STR:
	case K_PROTO:
		if (k->type == K_PROTO && !valid_proto(v)) {
			*why = "unknown protocol name";
			return -EINVAL;
		}
		if (field) {
			free(*(char **)field);
			*(char **)field = xstrdup(v);
		}
		return 0;
	case K_BOOL:
	case K_INVBOOL:
		r = parse_bool(v);
		if (r < 0) {
			*why = "expected yes or no";
			return -EINVAL;
		}
		if (field)
			*(bool *)field = k->type == K_BOOL ? r : !r;
		return 0;
	case K_LIST:
	case K_VFS:
		if (field) {
			strlist_free((struct strlist *)field);
			strlist_split((struct strlist *)field, v);
		}
		return 0;
	case K_OCT:
	case K_UINT:
	case K_SIZE:
		if (k->type == K_SIZE)
			r = parse_size(v, k->max, &n);
		else
			r = parse_uint(v, k->type == K_OCT ? 8 : 10, k->max, &n);
		if (r) {
			*why = k->type == K_OCT ? "expected an octal mode" :
						  "expected a number in range";
			return -EINVAL;
		}
		if (field)
			*(uint32_t *)field = (uint32_t)n;
		return 0;
	case K_SIGNING:
	case K_ENCRYPT:
		r = parse_tristate(v, k->type == K_SIGNING);
		if (r < 0) {
			*why = "expected auto, mandatory or disabled";
			return -EINVAL;
		}
		if (field)
			*(int *)field = r;
		return 0;
	case K_MAPGUEST:
		if (!strcasecmp(v, "never"))
			r = MAP_GUEST_NEVER;
		else if (!strcasecmp(v, "bad user"))
			r = MAP_GUEST_BAD_USER;
		else {
			*why = "expected never or bad user";
			return -EINVAL;
		}
		if (field)
			*(int *)field = r;
		return 0;
	case K_IGNORE:
		return 0;
	}
	return -EINVAL;
}

int config_check_value(const char *key, const char *value, const char **why)
{
	const struct key_def *k = key_lookup(key);

	*why = "unknown parameter";
	if (!k)
		return -EINVAL;
	return apply_value(k, NULL, 0, value, why);
}

bool config_valid_share_name(const char *name)
{
	size_t len = strlen(name);
	const unsigned char *p;

	if (!len || len >= SHARE_NAME_MAX || !utf8_valid(name, len))
		return false;
	for (p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == '[' || *p == ']' || *p == 0x7f)
			return false;
	return true;
}

static void share_defaults(struct share *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->browseable = true;
	s->store_dos_attrs = true;
	s->oplocks = true;
	s->hide_dot_files = true;
	s->available = true;
	s->create_mask = 0744;
	s->directory_mask = 0755;
}

static void global_defaults(struct global_config *g)
{
	memset(g, 0, sizeof(*g));
	g->server_string = xstrdup("SMB SERVER");
	g->workgroup = xstrdup("WORKGROUP");
	g->netbios_name = xstrdup("KSMBD SERVER");
	g->guest_account = xstrdup("nobody");
	g->min_prot = xstrdup("SMB2_10");
	g->max_prot = xstrdup("SMB3_11");
	g->server_signing = CFG_DISABLED;
	g->smb3_encryption = CFG_AUTO;
	g->map_to_guest = MAP_GUEST_NEVER;
	g->tcp_port = 445;
	g->max_connections = 128;
	g->max_open_files = 10000;
	g->max_active_sessions = 1024;
	g->smb2_max_read = 4u << 20;
	g->smb2_max_write = 4u << 20;
	g->smb2_max_trans = 1u << 20;
	g->smb2_max_credits = 8192;
	g->smbd_max_io_size = 8u << 20;
	g->fake_fscaps = 64;
}

static void share_free(struct share *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->path);
	free(s->comment);
	free(s->guest_account);
	free(s->force_user);
	free(s->force_group);
	free(s->veto_files);
	strlist_free(&s->valid_users);
	strlist_free(&s->invalid_users);
	strlist_free(&s->read_list);
	strlist_free(&s->write_list);
	strlist_free(&s->admin_users);
	strlist_free(&s->hosts_allow);
	strlist_free(&s->hosts_deny);
	strlist_free(&s->vfs_objects);
	free(s);
}

void config_free(struct ksmbd_config *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nshares; i++)
		share_free(c->shares[i]);
	free(c->shares);
	free(c->g.server_string);
	free(c->g.workgroup);
	free(c->g.netbios_name);
	free(c->g.guest_account);
	free(c->g.min_prot);
	free(c->g.max_prot);
	free(c->g.krb5_service_name);
	free(c->g.krb5_keytab);
	free(c->g.root_dir);
	strlist_free(&c->g.interfaces);
	free(c);
}

static void warn(struct ksmbd_config *c, bool quiet, const char *fname,
		 unsigned int line, const char *fmt, const char *a,
		 const char *b)
{
	c->nwarnings++;
	if (!quiet)
		pr_warn("%s:%u: %s%s%s", fname, line, fmt, a, b ? b : "");
}

/* Apply the vfs objects list to the share flags it stands for. */
static void apply_vfs(struct ksmbd_config *c, struct share *s, bool quiet,
		      const char *fname, unsigned int line)
{
	size_t i;

	for (i = 0; i < s->vfs_objects.n; i++) {
		const char *o = s->vfs_objects.v[i];

		if (!strcasecmp(o, "acl_xattr"))
			s->acl_xattr = true;
		else if (!strcasecmp(o, "streams_xattr"))
			s->streams = true;
		else
			warn(c, quiet, fname, line,
			     "vfs object `", o, "' is not supported, ignored");
	}
}

static void apply_share_section(struct ksmbd_config *c, struct share *s,
				const struct ini_section *sec, bool from_global,
				bool quiet, const char *fname)
{
	size_t i;

	for (i = 0; i < sec->n; i++) {
		const struct ini_entry *e = &sec->e[i];
		const struct key_def *k = key_lookup(e->key);
		const char *why = NULL;

		if (!k) {
			if (!from_global)
				warn(c, quiet, fname, e->line,
				     "unknown parameter `", e->key, "', ignored");
			continue;
		}
		if (k->scope == SC_GLOBAL || (from_global && k->scope == SC_BOTH)) {
			if (!from_global)
				warn(c, quiet, fname, e->line,
				     "global parameter `", e->key,
				     "' in a share section, ignored");
			continue;
		}
		if (k->type == K_IGNORE) {
			warn(c, quiet, fname, e->line, "parameter `", e->key,
			     "' is not supported, ignored");
			continue;
		}
		if (apply_value(k, s, k->soff, e->value, &why)) {
			warn(c, quiet, fname, e->line, "bad value for `",
			     e->key, "', ignored");
			if (!quiet)
				pr_warn("%s:%u: %s", fname, e->line, why);
			continue;
		}
		if (k->type == K_VFS)
			apply_vfs(c, s, quiet, fname, e->line);
	}
}

static void apply_global_section(struct ksmbd_config *c,
				 const struct ini_section *sec,
				 const char *fname)
{
	size_t i;

	for (i = 0; i < sec->n; i++) {
		const struct ini_entry *e = &sec->e[i];
		const struct key_def *k = key_lookup(e->key);
		const char *why = NULL;

		if (!k) {
			warn(c, false, fname, e->line, "unknown parameter `",
			     e->key, "', ignored");
			continue;
		}
		if (k->scope == SC_SHARE)
			continue;	/* a default, applied per share */
		if (apply_value(k, &c->g, k->goff, e->value, &why)) {
			warn(c, false, fname, e->line, "bad value for `",
			     e->key, "', ignored");
			pr_warn("%s:%u: %s", fname, e->line, why);
		}
	}
}

/*
 * Expand the `%' substitutions of *v known without a session (ctx); a value
 * that needs a user or client keeps its text, and the caller decides.
 * Returns 0, or the letter that could not be expanded.
 */
static char expand_value(char **v, const struct subst_ctx *ctx)
{
	char *out, missing = 0;

	if (!*v || !strchr(*v, '%'))
		return 0;
	if (subst_expand(*v, ctx, &out, &missing))
		return missing ? missing : '%';
	free(*v);
	*v = out;
	return 0;
}

static void expand_share(struct ksmbd_config *c, struct share *s,
			 struct subst_ctx *ctx, const char *fname,
			 unsigned int line)
{
	struct strlist *lists[] = { &s->valid_users, &s->invalid_users,
				    &s->read_list, &s->write_list,
				    &s->admin_users };
	char letter[3] = { '%', 0, 0 };
	size_t i, j;

	ctx->share = s->name;
	letter[1] = expand_value(&s->comment, ctx);
	if (letter[1])
		warn(c, false, fname, line, "comment uses `", letter,
		     "', which is not known for a share list: kept as written");
	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		for (j = 0; j < lists[i]->n; j++) {
			letter[1] = expand_value(&lists[i]->v[j], ctx);
			if (letter[1])
				warn(c, false, fname, line, "user list entry uses `",
				     letter, "', which is not known there: kept as written");
		}
	}
	letter[1] = expand_value(&s->path, ctx);
	if (letter[1] && !s->is_ipc && ctx->user) {
		warn(c, false, fname, line, "the home share of `", s->name,
		     "' needs what the system does not know of the user, or a client: not available");
		s->available = false;
	} else if (letter[1] && !s->is_ipc) {
		/* The kernel asks for a share by name only and caches the
		 * answer for every session: no user or client to put in. */
		warn(c, false, fname, line, "path uses `", letter,
		     "', which depends on the session; the share is not available");
		s->available = false;
	}
	ctx->share = NULL;
}

static struct share *add_share(struct ksmbd_config *c, const char *name)
{
	struct share *s = xcalloc(1, sizeof(*s));

	share_defaults(s, name);
	c->shares = xrealloc(c->shares, (c->nshares + 1) * sizeof(*c->shares));
	c->shares[c->nshares++] = s;
	return s;
}

/*
 * A share per user of users from the [homes] section hsec: named after the
 * user, with %U %u %S the user and %H %G %g from users->account. A user
 * with a section of their own, or whose name is no share name, gets none.
 */
static void add_homes(struct ksmbd_config *c, const struct ini_section *gsec,
		      const struct ini_section *hsec,
		      const struct config_users *users, struct subst_ctx *ctx,
		      const char *fname)
{
	char home[512], group[256];
	size_t i;

	for (i = 0; i < users->n; i++) {
		const char *name = users->names[i];
		bool known = users->account &&
			     users->account(name, home, sizeof(home), group,
					    sizeof(group));
		struct share *s;

		if (!config_valid_share_name(name) || config_share(c, name))
			continue;
		s = add_share(c, name);
		if (gsec)
			apply_share_section(c, s, gsec, true, true, fname);
		apply_share_section(c, s, hsec, false, true, fname);
		ctx->user = name;
		ctx->home = known ? home : NULL;
		ctx->group = known ? group : NULL;
		expand_share(c, s, ctx, fname, hsec->line);
		ctx->user = ctx->home = ctx->group = NULL;
		if (!s->valid_users.n)
			strlist_add(&s->valid_users, name);
	}
}

struct ksmbd_config *config_parse(const char *text, size_t len,
				  const char *fname, char *err, size_t errlen)
{
	return config_parse_users(text, len, fname, NULL, err, errlen);
}

struct ksmbd_config *config_parse_users(const char *text, size_t len,
					const char *fname,
					const struct config_users *users,
					char *err, size_t errlen)
{
	struct ksmbd_config *c;
	const struct ini_section *gsec;
	struct ini_doc d;
	struct subst_ctx ctx = { .version = KSMBD_TOOLS_VERSION };
	char host[256] = "", letter[3] = { '%', 0, 0 };
	struct share *ipc;
	size_t i;

	if (ini_parse(&d, text, len, fname, err, errlen))
		return NULL;
	c = xcalloc(1, sizeof(*c));
	global_defaults(&c->g);
	gsec = ini_find(&d, "global");
	if (gsec)
		apply_global_section(c, gsec, fname);
	if (gethostname(host, sizeof(host) - 1))
		host[0] = '\0';
	ctx.host_name = host;
	ctx.netbios_name = c->g.netbios_name;
	ctx.workgroup = c->g.workgroup;
	letter[1] = expand_value(&c->g.server_string, &ctx);
	if (letter[1])
		warn(c, false, fname, gsec ? gsec->line : 0, "server string uses `",
		     letter, "', which is not known there: kept as written");

	ipc = add_share(c, "IPC$");
	ipc->is_ipc = true;
	ipc->comment = xstrdup("IPC$ share");
	ipc->path = xstrdup("");

	for (i = 0; i < d.n; i++) {
		const struct ini_section *sec = &d.s[i];
		struct share *s;

		if (sec == gsec)
			continue;
		if (!config_valid_share_name(sec->name)) {
			warn(c, false, fname, sec->line, "invalid share name `",
			     sec->name, "', section ignored");
			continue;
		}
		if (!strcasecmp(sec->name, "IPC$")) {
			s = ipc;
		} else {
			s = add_share(c, sec->name);
			if (gsec)
				apply_share_section(c, s, gsec, true, true, fname);
		}
		apply_share_section(c, s, sec, false, false, fname);
		expand_share(c, s, &ctx, fname, sec->line);
		if (!s->is_ipc && (!s->path || !*s->path))
			warn(c, false, fname, sec->line, "share `", s->name,
			     "' has no path, it will not be available");
	}
	if (users && ini_find(&d, "homes"))
		add_homes(c, gsec, ini_find(&d, "homes"), users, &ctx, fname);
	if (!ipc->comment)
		ipc->comment = xstrdup("");
	ini_free(&d);
	return c;
}

struct ksmbd_config *config_load(const char *path, char *err, size_t errlen)
{
	return config_load_users(path, NULL, err, errlen);
}

struct ksmbd_config *config_load_users(const char *path,
				       const struct config_users *users,
				       char *err, size_t errlen)
{
	struct ksmbd_config *c;
	size_t len = 0;
	char *text = read_file(path, &len);

	if (!text) {
		if (errno != ENOENT) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			return NULL;
		}
		pr_info("%s does not exist, using defaults", path);
		return config_parse("", 0, path, err, errlen);
	}
	c = config_parse_users(text, len, path, users, err, errlen);
	free(text);
	return c;
}

const struct share *config_share(const struct ksmbd_config *c,
				 const char *name)
{
	size_t i;

	for (i = 0; i < c->nshares; i++)
		if (!strcasecmp(c->shares[i]->name, name))
			return c->shares[i];
	return NULL;
}

char *config_share_list(const struct ksmbd_config *c)
{
	size_t i, len = 0, o = 0;
	char *out;

	for (i = 0; i < c->nshares; i++) {
		const struct share *s = c->shares[i];

		if (s->is_ipc || !s->available || !s->path || !*s->path)
			continue;
		len += strlen(s->name) + 2 + (s->comment ? strlen(s->comment) : 0);
	}
	out = xcalloc(1, len + 1);
	for (i = 0; i < c->nshares; i++) {
		const struct share *s = c->shares[i];
		bool has = s->comment && *s->comment;

		if (s->is_ipc || !s->available || !s->path || !*s->path)
			continue;
		o += (size_t)sprintf(out + o, "%s%s%s\n", s->name, has ? "\t" : "",
				     has ? s->comment : "");
	}
	return out;
}
