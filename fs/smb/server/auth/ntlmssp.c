// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NTLMSSP NEGOTIATE/CHALLENGE/AUTHENTICATE messages: see ntlmssp.h.
 * Every (length, offset) from the network is checked against the blob
 * before anything is read through it.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/nls.h>
#include <asm/unaligned.h>

#include "ntlmssp.h"
#include "ntlmssp_wire.h"

static const u8 ntlmssp_sig[KSMBD_NTLMSSP_SIG_SIZE] = KSMBD_NTLMSSP_SIGNATURE;

int ksmbd_ntlmssp_message_type(const void *blob, size_t len)
{
	u32 type;

	if (!blob || len < KSMBD_NTLMSSP_SIG_SIZE + 4 ||
	    memcmp(blob, ntlmssp_sig, sizeof(ntlmssp_sig)))
		return -EINVAL;
	type = get_unaligned_le32((const u8 *)blob + KSMBD_NTLMSSP_SIG_SIZE);
	return type > INT_MAX ? -EINVAL : type;
}

/*
 * Resolve one payload field. A zero length yields NULL whatever the
 * offset says; otherwise Len <= MaxLen and [offset, offset + Len) must lie
 * within [min_off, len). The arithmetic cannot wrap: off <= len is checked
 * before len - off is formed.
 */
static int field_get(const u8 *blob, size_t len,
		     const struct ntlmssp_field *f, size_t min_off,
		     const u8 **p, u16 *flen)
{
	u16 l = le16_to_cpu(f->len);
	u32 off = le32_to_cpu(f->offset);

	*p = NULL;
	*flen = 0;
	if (!l)
		return 0;
	if (l > le16_to_cpu(f->max_len))
		return -EINVAL;
	if (off < min_off || off > len || l > len - off)
		return -EINVAL;
	*p = blob + off;
	*flen = l;
	return 0;
}

int ksmbd_ntlmssp_parse_negotiate(const void *blob, size_t len,
				  u32 *client_flags)
{
	const struct ntlmssp_negotiate_msg *m = blob;
	const u8 *p;
	u16 flen;
	u32 flags;

	/* some clients stop after NegotiateFlags */
	if (ksmbd_ntlmssp_message_type(blob, len) != KSMBD_NTLMSSP_NEGOTIATE ||
	    len < offsetof(struct ntlmssp_negotiate_msg, domain))
		return -EINVAL;
	flags = get_unaligned_le32(&m->flags);

	if (flags & (NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED |
		     NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED)) {
		if (len < sizeof(*m))
			return -EINVAL;
		if ((flags & NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED) &&
		    field_get(blob, len, &m->domain, sizeof(*m), &p, &flen))
			return -EINVAL;
		if ((flags & NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED) &&
		    field_get(blob, len, &m->workstation, sizeof(*m), &p,
			      &flen))
			return -EINVAL;
	}
	*client_flags = flags;
	return 0;
}

/*
 * UTF-8 to UTF-16LE. With dst NULL only counts. Returns the byte length or
 * -EINVAL (bad UTF-8) / -ENOSPC (more than room bytes).
 */
static int utf8_to_utf16le(const char *s, u8 *dst, size_t room)
{
	size_t in = strlen(s), out = 0;
	unicode_t u;
	int n;

	while (in) {
		n = utf8_to_utf32(s, in, &u);
		if (n <= 0 || !u)
			return -EINVAL;
		s += n;
		in -= n;
		if (u >= 0x10000) {
			if (out + 4 > room)
				return -ENOSPC;
			u -= 0x10000;
			if (dst) {
				put_unaligned_le16(0xd800 | (u >> 10), dst + out);
				put_unaligned_le16(0xdc00 | (u & 0x3ff),
						   dst + out + 2);
			}
			out += 4;
		} else {
			if (out + 2 > room)
				return -ENOSPC;
			if (dst)
				put_unaligned_le16(u, dst + out);
			out += 2;
		}
	}
	return out;
}

/* Longest name we put in a CHALLENGE_MESSAGE, in bytes of UTF-16. */
#define NAME_MAX_BYTES	512

static u8 *put_av(u8 *p, u16 id, const void *val, u16 len)
{
	put_unaligned_le16(id, p);
	put_unaligned_le16(len, p + 2);
	if (len)
		memcpy(p + 4, val, len);
	return p + 4 + len;
}

static u8 *put_av_name(u8 *p, u16 id, const char *name, u16 len)
{
	put_unaligned_le16(id, p);
	put_unaligned_le16(len, p + 2);
	utf8_to_utf16le(name, p + 4, len);
	return p + 4 + len;
}

static void put_field(struct ntlmssp_field *f, size_t len, size_t off)
{
	put_unaligned_le16(len, &f->len);
	put_unaligned_le16(len, &f->max_len);
	put_unaligned_le32(off, &f->offset);
}

int ksmbd_ntlmssp_build_challenge(void *buf, size_t buflen, u32 client_flags,
				  const u8 server_challenge[8],
				  const char *netbios_domain,
				  const char *netbios_computer, u64 nt_time,
				  u32 *neg_flags_out, size_t *out_len)
{
	struct ntlmssp_challenge_msg *m = buf;
	int dom, comp, tname;
	size_t ti, total;
	u32 flags;
	__le64 ts;
	u8 *p;

	dom = utf8_to_utf16le(netbios_domain, NULL, NAME_MAX_BYTES);
	comp = utf8_to_utf16le(netbios_computer, NULL, NAME_MAX_BYTES);
	if (dom < 0 || comp < 0)
		return -EINVAL;

	flags = NTLMSSP_NEGOTIATE_NTLM | NTLMSSP_NEGOTIATE_TARGET_INFO |
		NTLMSSP_REQUEST_TARGET | NTLMSSP_TARGET_TYPE_DOMAIN;
	flags |= client_flags & (NTLMSSP_NEGOTIATE_SIGN |
				 NTLMSSP_NEGOTIATE_SEAL |
				 NTLMSSP_NEGOTIATE_ALWAYS_SIGN |
				 NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY |
				 NTLMSSP_NEGOTIATE_128 |
				 NTLMSSP_NEGOTIATE_56 |
				 NTLMSSP_NEGOTIATE_KEY_EXCH |
				 NTLMSSP_NEGOTIATE_VERSION);
	if (client_flags & NTLMSSP_NEGOTIATE_UNICODE) {
		flags |= NTLMSSP_NEGOTIATE_UNICODE;
		tname = dom;
	} else {
		flags |= NTLMSSP_NEGOTIATE_OEM;
		tname = strlen(netbios_domain);
	}

	/* NbDomain, NbComputer, DnsDomain, DnsComputer, Timestamp, EOL */
	ti = 4 * sizeof(struct ntlmssp_av_pair) + 2 * dom + 2 * comp +
	     sizeof(struct ntlmssp_av_pair) + sizeof(ts) +
	     sizeof(struct ntlmssp_av_pair);
	total = sizeof(*m) + tname + ti;
	if (total > buflen)
		return -ENOSPC;

	memset(m, 0, sizeof(*m));
	memcpy(m->signature, ntlmssp_sig, sizeof(ntlmssp_sig));
	put_unaligned_le32(KSMBD_NTLMSSP_CHALLENGE, &m->type);
	put_field(&m->target_name, tname, sizeof(*m));
	put_unaligned_le32(flags, &m->flags);
	memcpy(m->challenge, server_challenge, sizeof(m->challenge));
	put_field(&m->target_info, ti, sizeof(*m) + tname);
	if (flags & NTLMSSP_NEGOTIATE_VERSION) {
		m->version.major = 6;
		m->version.minor = 1;
		put_unaligned_le16(0, &m->version.build);
		m->version.revision = NTLMSSP_REVISION_W2K3;
	}

	p = (u8 *)buf + sizeof(*m);
	if (flags & NTLMSSP_NEGOTIATE_UNICODE)
		utf8_to_utf16le(netbios_domain, p, tname);
	else
		memcpy(p, netbios_domain, tname);
	p += tname;

	ts = cpu_to_le64(nt_time);
	p = put_av_name(p, NTLMSSP_AV_NB_DOMAIN_NAME, netbios_domain, dom);
	p = put_av_name(p, NTLMSSP_AV_NB_COMPUTER_NAME, netbios_computer, comp);
	p = put_av_name(p, NTLMSSP_AV_DNS_DOMAIN_NAME, netbios_domain, dom);
	p = put_av_name(p, NTLMSSP_AV_DNS_COMPUTER_NAME, netbios_computer,
			comp);
	p = put_av(p, NTLMSSP_AV_TIMESTAMP, &ts, sizeof(ts));
	p = put_av(p, NTLMSSP_AV_EOL, NULL, 0);
	WARN_ON_ONCE(p != (u8 *)buf + total);

	*neg_flags_out = flags;
	*out_len = total;
	return 0;
}

int ksmbd_ntlmssp_parse_authenticate(const void *blob, size_t len,
				     struct ksmbd_ntlmssp_auth *out)
{
	const struct ntlmssp_authenticate_msg *m = blob;
	struct ksmbd_ntlmssp_auth a;
	const u8 *p;

	if (ksmbd_ntlmssp_message_type(blob, len) !=
	    KSMBD_NTLMSSP_AUTHENTICATE || len < sizeof(*m))
		return -EINVAL;
	a.flags = get_unaligned_le32(&m->flags);
	if (!(a.flags & NTLMSSP_NEGOTIATE_UNICODE))
		return -EINVAL;		/* OEM strings: not supported */

	if (field_get(blob, len, &m->lm, sizeof(*m), &a.lm, &a.lm_len) ||
	    field_get(blob, len, &m->nt, sizeof(*m), &a.nt, &a.nt_len) ||
	    field_get(blob, len, &m->session_key, sizeof(*m),
		      &a.enc_session_key, &a.enc_session_key_len))
		return -EINVAL;
	if (field_get(blob, len, &m->domain, sizeof(*m), &p, &a.domain_len))
		return -EINVAL;
	a.domain = (const __le16 *)p;
	if (field_get(blob, len, &m->user, sizeof(*m), &p, &a.user_len))
		return -EINVAL;
	a.user = (const __le16 *)p;
	if (field_get(blob, len, &m->workstation, sizeof(*m), &p, &a.ws_len))
		return -EINVAL;
	a.workstation = (const __le16 *)p;
	if ((a.domain_len | a.user_len | a.ws_len) & 1)
		return -EINVAL;
	*out = a;
	return 0;
}

bool ksmbd_ntlmssp_is_anonymous(const struct ksmbd_ntlmssp_auth *a)
{
	return !a->user_len && !a->nt_len &&
	       (!a->lm_len || (a->lm_len == 1 && !a->lm[0]));
}

int ksmbd_ntlmssp_user_utf8(const struct ksmbd_ntlmssp_auth *a, char *buf,
			    size_t buflen)
{
	const u8 *s = (const u8 *)a->user;
	size_t i = 0, out = 0;
	unicode_t u, lo;
	u8 tmp[6];
	int n;

	if (!buflen)
		return -ENAMETOOLONG;
	while (i + 2 <= a->user_len) {
		u = get_unaligned_le16(s + i);
		i += 2;
		if (u >= 0xdc00 && u <= 0xdfff)
			return -EINVAL;
		if (u >= 0xd800 && u <= 0xdbff) {
			if (i + 2 > a->user_len)
				return -EINVAL;
			lo = get_unaligned_le16(s + i);
			if (lo < 0xdc00 || lo > 0xdfff)
				return -EINVAL;
			i += 2;
			u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
		}
		if (!u)
			return -EINVAL;
		n = utf32_to_utf8(u, tmp, sizeof(tmp));
		if (n <= 0)
			return -EINVAL;
		if (out + n + 1 > buflen)
			return -ENAMETOOLONG;
		memcpy(buf + out, tmp, n);
		out += n;
	}
	buf[out] = '\0';
	return out;
}
