"""Lists the calls that C2 did not inline although they pass or return a Vector API type.

Such a call boxes its vectors (a heap object per call) and is the usual reason a vecnn kernel
allocates or slows down in one JVM and not in the next (docs/architecture.md, "Element-wise
kernels: lessons"). Not needed to build or test vecnn.

Record a run with HotSpot's compilation log, for example the nn suite:
  mvn -o -pl nn test "-Dvecnn.jvm.flags=--add-modules=jdk.incubator.vector
      -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/lc_%p.log"
then:
  /usr/bin/python3 docs/tools/refused_vector_calls.py /tmp/lc_*.log
Prints, per C2 compilation root, each refused call to a dev.vecnn method whose signature has a
vector type, with C2's reason and how often; nothing but the total when there are none. Set
ALL=1 to list every refused call to a dev.vecnn method instead.

Why the log and not -XX:+PrintInlining: several compiler threads print their inlining trees
into the same stream at once, so lines of different compilations interleave; the log keeps
each compilation in one <task> element, with the methods declared by id.
"""
import collections
import os
import re
import sys

VECTOR_TYPE = re.compile(r"jdk[./]incubator[./]vector")
EVERY_CALL = os.environ.get("ALL") == "1"


def refused_calls(path):
    """Counter of (root, callee, reason) over the C2 tasks in one log file."""
    text = open(path, errors="replace").read()
    found = collections.Counter()
    for task in re.finditer(r"<task ([^>]*)>(.*?)</task>", text, re.S):
        attributes, body = task.group(1), task.group(2)
        if re.search(r"level='[123]'", attributes):
            continue  # C1 tiers: their refusals do not box in C2 code
        root = re.search(r"method='([^']*)'", attributes).group(1)
        names = {}
        for declared in re.finditer(r"<(?:klass|type) id='(\d+)' name='([^']*)'", body):
            names[declared.group(1)] = declared.group(2)
        methods = {}
        for declared in re.finditer(
                r"<method id='(\d+)' holder='(\d+)' name='([^']*)' (?:return='(\d+)' )?(?:arguments='([^']*)' )?",
                body):
            method_id, holder, name, returned, arguments = declared.groups()
            signature = [names.get(returned, "")] + [names.get(a, "") for a in (arguments or "").split()]
            methods[method_id] = (names.get(holder, "?") + "::" + name,
                                  any(VECTOR_TYPE.search(t) for t in signature))
        callee = None
        for event in re.finditer(r"<call method='(\d+)'|<inline_fail reason='([^']*)'", body):
            if event.group(1):
                callee = event.group(1)
            elif callee in methods:
                name, passes_vectors = methods[callee]
                if name.startswith("dev.vecnn") and (passes_vectors or EVERY_CALL):
                    found[(root, name, event.group(2).replace("&apos;", "'"))] += 1
    return found


def main(paths):
    total = collections.Counter()
    for path in paths:
        total.update(refused_calls(path))
    for (root, callee, reason), count in sorted(total.items()):
        print(f"{count} {root} -> {callee}: {reason}")
    print("total", sum(total.values()))


if __name__ == "__main__":
    main(sys.argv[1:])
