#!/usr/bin/env python3
"""Summarises a JFR recording: where CPU samples and sampled allocation (bytes) go.

usage: jfr-top.py RECORDING.jfr [FILTER_THREAD_PREFIX]
       jfr-top.py --categories RECORDING.jfr    CPU samples of a hook app under load, by what they were doing
Prints, for CPU (jdk.ExecutionSample) and allocation (jdk.ObjectAllocationSample, by weight):
the top frames ("self"), the top frames in dev.tokenhook / com.fasterxml ("first library frame"),
and allocation by object class. Needs the JDK's `jfr` tool on the PATH.
"""
import collections, json, subprocess, sys

def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]

def frames(ev):
    st = ev["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (st.get("frames") or [])]

def first_lib(fs):
    for f in fs:
        if f.startswith("dev.tokenhook.core") or f.startswith("com.fasterxml"):
            return f
    return fs[0] if fs else "?"

def top(counter, total, n, unit):
    for k, v in counter.most_common(n):
        print(f"  {100.0 * v / total:5.1f}%  {v:>14,.0f} {unit}  {k}")

def main():
    path = sys.argv[1]
    thread_prefix = sys.argv[2] if len(sys.argv) > 2 else None
    def keep(ev):
        if not thread_prefix:
            return True
        t = ev["values"].get("sampledThread") or ev["values"].get("eventThread") or {}
        return (t.get("javaName") or "").startswith(thread_prefix)
    cpu = [e for e in events(path, "jdk.ExecutionSample") if keep(e)]
    print(f"CPU samples: {len(cpu)}")
    selfc, libc, ourc = collections.Counter(), collections.Counter(), collections.Counter()
    for e in cpu:
        fs = frames(e)
        selfc[fs[0] if fs else "?"] += 1
        libc[first_lib(fs)] += 1
        for f in set(fs):
            if f.startswith("dev.tokenhook.core") or f.startswith("com.fasterxml.jackson.databind.ObjectMapper"):
                ourc[f] += 1
    print("top self frames:"); top(selfc, len(cpu) or 1, 15, "samples")
    print("top first library frame:"); top(libc, len(cpu) or 1, 15, "samples")
    print("inclusive (library methods on the stack):"); top(ourc, len(cpu) or 1, 25, "samples")
    alloc = [e for e in events(path, "jdk.ObjectAllocationSample") if keep(e)]
    total = sum(e["values"]["weight"] for e in alloc) or 1
    byclass, bylib, incl = collections.Counter(), collections.Counter(), collections.Counter()
    for e in alloc:
        w = e["values"]["weight"]
        byclass[e["values"]["objectClass"]["name"]] += w
        fs = frames(e)
        bylib[first_lib(fs)] += w
        for f in set(fs):
            if f.startswith("dev.tokenhook.core"):
                incl[f] += w
    print(f"allocation samples: {len(alloc)}, weight {total:,.0f} bytes")
    print("by class:"); top(byclass, total, 12, "B")
    print("by first library frame:"); top(bylib, total, 20, "B")
    print("inclusive (dev.tokenhook.core methods on the stack):"); top(incl, total, 25, "B")

# First match wins, in this order: a sample inside the rule's lookup counts as the lookup, etc.
CATEGORIES = [
    ("rule: database lookup (H2 through HikariCP)", ("org.h2.", "com.zaxxer.")),
    ("hook-core: decode", ("RequestDecoder", "DuplicateKeyCheck")),
    ("hook-core: per-call event and log line", ("ExchangeRecorder",)),
    ("hook-core: authenticate", ("SharedSecretAuthenticator",)),
    ("hook-core: engine (hand-off, merge, validate)", ("dev.tokenhook.core.rule.", "PatchValidator")),
    ("hook-core: encode", ("ResponseEncoder",)),
    ("hook-core: read body", ("BoundedBody",)),
    ("hook-core: endpoint, other", ("dev.tokenhook.core.",)),
    ("rule: other", ("PatientIdRule",)),
    ("rule threads (executor)", ("java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.FutureTask")),
    ("logging back-end", ("ch.qos.logback", "org.slf4j", "org.eclipse.jetty.logging", "java.util.logging")),
    ("server: Jetty", ("org.eclipse.jetty",)),
    ("server: Spring MVC / Tomcat", ("org.springframework", "org.apache.catalina", "org.apache.coyote",
                                     "org.apache.tomcat")),
    ("server: Micronaut / Netty", ("io.micronaut", "io.netty")),
    ("JIT / GC / JDK threads", ("jdk.internal", "java.lang.ref")),
]

def categories(path):
    cpu = events(path, "jdk.ExecutionSample")
    counts = collections.Counter()
    for e in cpu:
        stack = " ".join(frames(e))
        for name, needles in CATEGORIES:
            if any(n in stack for n in needles):
                counts[name] += 1
                break
        else:
            counts["other"] += 1
    print(f"CPU samples (Java code only; time in the kernel is not sampled): {len(cpu)}")
    top(counts, len(cpu) or 1, 30, "samples")

if sys.argv[1] == "--categories":
    categories(sys.argv[2])
else:
    main()
