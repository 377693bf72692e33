"""No network for the process that runs queries: a seccomp filter that denies new sockets.

pyoxigraph follows ``SERVICE`` to any URL it is given. :mod:`kg.sparql.guard` refuses such
queries with a clear message; this filter is what makes a query the guard missed harmless: once
it is loaded, creating a socket of any family (TCP, UDP and so DNS, netlink, Unix) fails with
``EACCES`` in this process and in every thread or child it starts, and so does ``io_uring``
(which can open sockets without the ``socket`` call). The query process needs no socket: its
requests and replies travel on the pipes it was started with.

seccomp is Linux's; the filter is built by libseccomp (Debian's ``libseccomp2``) through the
``pyseccomp`` bindings, or the official ``seccomp`` bindings when installed.
"""

from __future__ import annotations

import errno

DENIED_CALLS = ("socket", "socketpair", "io_uring_setup")


def deny_network() -> str | None:
    """Deny this process (and what it starts) any socket; None when done, else why not."""
    try:
        try:
            import seccomp
        except ImportError:
            import pyseccomp as seccomp
        rules = seccomp.SyscallFilter(seccomp.ALLOW)
        for call in DENIED_CALLS:
            rules.add_rule(seccomp.ERRNO(errno.EACCES), call)
        rules.load()
    except Exception as exc:  # no Linux, no libseccomp, or a kernel without seccomp
        return f"{type(exc).__name__}: {exc}"
    return None
