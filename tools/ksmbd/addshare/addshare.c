// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ksmbd.addshare: add, update or delete a share section of ksmbd.conf,
 * leaving every other line of the file as it was.
 *   ksmbd.addshare [-v] [-C CONF] [-P PWDDB] [-a|-u|-d] [-o OPT]... SHARE
 * Each -o is "key = value"; one -o may carry several, one per line (the
 * older ksmbd-tools spelling). -a SHARE and -c CONF are accepted too.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "ini.h"
#include "log.h"
#include "pidfile.h"

struct opt_kv {
	char key[128];		/* normalized */
	char *value;
};

static void usage(FILE *f)
{
	fprintf(f,
"Usage: ksmbd.addshare [-v] [-C CONF] [-P PWDDB] [-a | -u | -d] [-o OPT]... SHARE\n"
"       ksmbd.addshare {-V | -h}\n"
"\n"
"  -a, --add               add SHARE (fails if it exists)\n"
"  -u, --update            update SHARE (fails if it does not exist)\n"
"  -d, --delete            delete SHARE\n"
"                          (none of them: add SHARE or update it)\n"
"  -o, --option=OPT        share parameter `key = value'; may be repeated,\n"
"                          and one OPT may hold several lines\n"
"  -C, --config=CONF       configuration file (default " KSMBD_DEFAULT_CONF ")\n"
"  -P, --pwddb=PWDDB       user database (accepted, unused)\n"
"  -v, --verbose           be verbose\n"
"  -V, --version           print the version and exit\n"
"  -h, --help              print this help and exit\n"
"\n"
"SHARE must be UTF-8, [1, 64) bytes, and cannot be `global'.\n"
"ksmbd-tools 3.4 spellings work too: -a SHARE, -c CONF.\n"
"See ksmbd.addshare(8) and ksmbd.conf(5).\n");
}

/* Split "k = v\nk2 = v2" into kvs; 0 or -EINVAL after printing why. */
static int parse_options(const char *arg, struct opt_kv **kv, size_t *n)
{
	char *copy = xstrdup(arg), *save = NULL, *line;
	int ret = 0;

	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '='), *k, *v;
		const char *why;
		size_t i;

		if (!*strtrim(line))
			continue;
		if (!eq) {
			pr_err("Option `%s' is not `key = value'", strtrim(line));
			ret = -EINVAL;
			break;
		}
		*eq = '\0';
		k = strtrim(line);
		v = strtrim(eq + 1);
		switch (config_key_scope(k)) {
		case 0:
			pr_err("Unknown share parameter `%s'", k);
			ret = -EINVAL;
			break;
		case 2:
			pr_err("`%s' is a global parameter, not a share one", k);
			ret = -EINVAL;
			break;
		}
		if (ret)
			break;
		if (strpbrk(v, ";#") || config_check_value(k, v, &why)) {
			pr_err("Bad value `%s' for `%s': %s", v, k,
			       strpbrk(v, ";#") ? "`;' and `#' start comments" : why);
			ret = -EINVAL;
			break;
		}
		*kv = xrealloc(*kv, (*n + 1) * sizeof(**kv));
		ini_norm_key(k, (*kv)[*n].key, sizeof((*kv)[*n].key));
		(*kv)[*n].value = xstrdup(v);
		for (i = 0; i < *n; i++)	/* the last one given wins */
			if (!strcmp((*kv)[i].key, (*kv)[*n].key))
				(*kv)[i].key[0] = '\0';
		(*n)++;
	}
	free(copy);
	return ret;
}

struct lines {
	char **v;
	size_t n;
};

static void lines_split(struct lines *l, const char *text)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *s = xcalloc(1, len + 1);

		memcpy(s, p, len);
		l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
		l->v[l->n++] = s;
		p += len + (nl ? 1 : 0);
	}
}

static void lines_insert(struct lines *l, size_t at, char *s)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	memmove(l->v + at + 1, l->v + at, (l->n - at) * sizeof(*l->v));
	l->v[at] = s;
	l->n++;
}

static void lines_remove(struct lines *l, size_t at, size_t count)
{
	size_t i;

	for (i = at; i < at + count; i++)
		free(l->v[i]);
	memmove(l->v + at, l->v + at + count,
		(l->n - at - count) * sizeof(*l->v));
	l->n -= count;
}

static char *kv_line(const struct opt_kv *kv)
{
	size_t len = strlen(kv->key) + strlen(kv->value) + 8;
	char *s = xcalloc(1, len);

	snprintf(s, len, "\t%s = %s", kv->key, kv->value);
	return s;
}

/* Physical lines used by the entry starting at 1-based line ln. */
static size_t entry_span(const struct lines *l, size_t ln)
{
	size_t span = 1;

	while (ln - 1 + span < l->n) {
		const char *s = l->v[ln - 1 + span - 1];
		size_t len = strlen(s);

		if (len && s[len - 1] == '\r')
			len--;
		if (!len || s[len - 1] != '\\')
			break;
		span++;
	}
	return span;
}

/*
 * Set each key in the section: replace the line of its last occurrence, blank
 * earlier ones, or add it after the section's last entry. Line numbers stay
 * valid because replaced continuation lines are blanked, not removed, and new
 * lines only go after every entry of the section.
 */
static void update_section(struct lines *l, const struct ini_section *sec,
			   const struct opt_kv *kv, size_t nkv)
{
	size_t i, j, k, insert_at = sec->line;	/* 0-based: after the header */

	for (j = 0; j < sec->n; j++) {
		size_t end = sec->e[j].line + entry_span(l, sec->e[j].line) - 1;

		if (end > insert_at)
			insert_at = end;
	}
	for (i = 0; i < nkv; i++) {
		bool done = false;

		if (!kv[i].key[0])
			continue;
		for (j = sec->n; j-- > 0;) {
			size_t ln = sec->e[j].line, span;

			if (strcmp(sec->e[j].key, kv[i].key))
				continue;
			span = entry_span(l, ln);
			for (k = 0; k < span; k++) {
				free(l->v[ln - 1 + k]);
				l->v[ln - 1 + k] = done || k ? xstrdup("") :
							       kv_line(&kv[i]);
			}
			done = true;
		}
		if (!done)
			lines_insert(l, insert_at++, kv_line(&kv[i]));
	}
}

static char *lines_join(const struct lines *l, size_t *len)
{
	size_t i, total = 1, o = 0;
	char *out;

	for (i = 0; i < l->n; i++)
		total += strlen(l->v[i]) + 1;
	out = xcalloc(1, total);
	for (i = 0; i < l->n; i++) {
		size_t n = strlen(l->v[i]);

		memcpy(out + o, l->v[i], n);
		o += n;
		out[o++] = '\n';
	}
	*len = o;
	return out;
}

int main(int argc, char **argv)
{
	struct cli_addshare o;
	const char *conf, *share;
	enum cli_mode mode;
	struct opt_kv *kv = NULL;
	struct lines l = { 0 };
	struct ini_section *sec;
	struct ini_doc doc;
	size_t nkv = 0, len = 0, i;
	char err[256], *text = NULL, *out;
	unsigned int fmode = 0644;
	struct stat st;
	int c, lock = -1, ret = 1;

	log_init("ksmbd.addshare", false);
	ret = cli_addshare(argc, argv, &o);
	ret = cli_finish(ret, o.action, "ksmbd.addshare", usage);
	if (ret >= 0)
		return ret;
	ret = 1;
	log_set_verbose(o.verbose);
	conf = o.conf;
	share = o.share;
	mode = o.mode;
	for (i = 0; i < o.noptions; i++)
		if (parse_options(o.options[i], &kv, &nkv))
			goto out;
	if (!config_valid_share_name(share) || !strcasecmp(share, "global")) {
		pr_err("Invalid share name `%s': UTF-8, [1, 64) bytes, not `global'",
		       share);
		goto out;
	}
	if (mode == CLI_DELETE && nkv) {
		pr_err("-o cannot be used with -d");
		goto out;
	}

	lock = lock_dir_of(conf);
	if (lock < 0) {
		pr_err("Cannot lock the directory of %s: %s", conf, strerror(-lock));
		goto out;
	}
	text = read_file(conf, &len);
	if (!text && errno != ENOENT) {
		pr_err("Cannot read %s: %s", conf, strerror(errno));
		goto out;
	}
	if (!text)
		text = xstrdup("");
	else if (stat(conf, &st) == 0)
		fmode = st.st_mode & 07777;
	if (ini_parse(&doc, text, len, conf, err, sizeof(err))) {
		pr_err("%s", err);
		goto out;
	}
	lines_split(&l, text);
	sec = ini_find(&doc, share);
	if (sec && !sec->line)
		sec = NULL;	/* implicit global, not a share */
	if (mode == CLI_AUTO)
		mode = sec ? CLI_UPDATE : CLI_ADD;

	switch (mode) {
	case CLI_ADD:
		if (sec) {
			pr_err("Share `%s' already exists", share);
			goto out_doc;
		}
		if (!nkv) {
			pr_err("A new share needs parameters (-o)");
			goto out_doc;
		}
		if (l.n && l.v[l.n - 1][0])
			lines_insert(&l, l.n, xstrdup(""));
		{
			size_t hl = strlen(share) + 3;
			char *h = xcalloc(1, hl);

			snprintf(h, hl, "[%s]", share);
			lines_insert(&l, l.n, h);
		}
		for (i = 0; i < nkv; i++)
			if (kv[i].key[0])
				lines_insert(&l, l.n, kv_line(&kv[i]));
		pr_info("Adding share `%s'", share);
		break;
	case CLI_UPDATE:
		if (!sec) {
			pr_err("Share `%s' does not exist", share);
			goto out_doc;
		}
		update_section(&l, sec, kv, nkv);
		pr_info("Updating share `%s'", share);
		break;
	case CLI_DELETE:
		if (!sec) {
			pr_info("Share `%s' does not exist", share);
			ret = 0;
			goto out_doc;
		}
		lines_remove(&l, sec->line - 1, sec->last_line - sec->line + 1);
		pr_info("Deleting share `%s'", share);
		break;
	default:
		goto out_doc;
	}
	out = lines_join(&l, &len);
	c = write_file_atomic(conf, out, len, fmode);
	free(out);
	if (c) {
		pr_err("Cannot write %s: %s", conf, strerror(-c));
		goto out_doc;
	}
	ret = 0;
	if (pidfile_signal(KSMBD_LOCK_FILE, SIGHUP) == 0)
		pr_info("Notified ksmbd.mountd of the change");
out_doc:
	ini_free(&doc);
out:
	for (i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	for (i = 0; i < nkv; i++)
		free(kv[i].value);
	free(kv);
	free(text);
	if (lock >= 0)
		close(lock);
	return ret;
}
