// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Per-pipe context handle table.
 */
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "handles.h"

static void fill_random(uint8_t *p, size_t n)
{
	static uint64_t counter;	/* shared by all pipes and threads */
	uint64_t v;
	size_t i;

	if (getrandom(p, n, GRND_NONBLOCK) == (ssize_t)n)
		return;
	/* No entropy yet: handles only need to be unique per pipe. */
	v = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED) ^
	    (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ull;
	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * (i % 8))) ^ (uint8_t)i;
}

static struct rpc_handle *find_wire(struct rpc_handles *t,
				    const uint8_t wire[NDR_HANDLE_SIZE])
{
	int i;

	for (i = 0; i < RPC_MAX_HANDLES; i++)
		if (t->h[i].kind != RPC_H_FREE &&
		    !memcmp(t->h[i].wire, wire, NDR_HANDLE_SIZE))
			return &t->h[i];
	return NULL;
}

struct rpc_handle *rpc_handle_new(struct rpc_handles *t,
				  enum rpc_handle_kind kind)
{
	struct rpc_handle *h = NULL;
	uint8_t wire[NDR_HANDLE_SIZE];
	int i;

	for (i = 0; i < RPC_MAX_HANDLES && !h; i++)
		if (t->h[i].kind == RPC_H_FREE)
			h = &t->h[i];
	if (!h)
		return NULL;
	do {
		memset(wire, 0, 4);
		fill_random(wire + 4, NDR_HANDLE_SIZE - 4);
	} while (find_wire(t, wire));
	memset(h, 0, sizeof(*h));
	h->kind = kind;
	memcpy(h->wire, wire, NDR_HANDLE_SIZE);
	return h;
}

struct rpc_handle *rpc_handle_find(struct rpc_handles *t,
				   const uint8_t wire[NDR_HANDLE_SIZE],
				   enum rpc_handle_kind kind)
{
	struct rpc_handle *h = find_wire(t, wire);

	return h && h->kind == kind ? h : NULL;
}

bool rpc_handle_close(struct rpc_handles *t,
		      const uint8_t wire[NDR_HANDLE_SIZE])
{
	struct rpc_handle *h = find_wire(t, wire);

	if (!h)
		return false;
	memset(h, 0, sizeof(*h));
	return true;
}
