#!/usr/bin/env python3
"""Summarises a dotnet-trace speedscope file: the share of on-CPU samples by method (self time, where the sample's
innermost frame is) and by Spin method (inclusive: the sample passes through it). EventPipe marks a sample taken while
its thread ran with a CPU_TIME pseudo-frame; every other sample (a thread blocked, waiting or idle) is left out."""
import collections
import json
import sys


def main(path, top=25):
    doc = json.load(open(path))
    names = [f["name"] for f in doc["shared"]["frames"]]
    self_time = collections.Counter()
    inclusive = collections.Counter()
    by_assembly = collections.Counter()
    total = idle = 0.0
    for profile in doc["profiles"]:
        stack, last = [], None
        for event in profile.get("events", []):
            at = event["at"]
            if last is not None and stack:
                span = at - last
                leaf = names[stack[-1]]
                if leaf != "CPU_TIME" or len(stack) < 2:
                    idle += span
                else:
                    leaf = names[stack[-2]]
                    total += span
                    self_time[leaf] += span
                    for name in {names[i] for i in stack}:
                        inclusive[name] += span
                    for assembly in {names[i].split("!")[0] for i in stack if "!" in names[i]}:
                        by_assembly[assembly] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"on-CPU samples: {total:.0f} ms of thread time ({idle:.0f} ms idle or blocked left out)")
    print("\nself time (innermost frame):")
    for name, span in self_time.most_common(top):
        print(f"  {100 * span / total:5.1f}%  {name[:150]}")
    print("\ninclusive time, Spin methods:")
    spin = [(n, s) for n, s in inclusive.most_common() if n.startswith("Spin.")]
    for name, span in spin[:top]:
        print(f"  {100 * span / total:5.1f}%  {name[:150]}")
    print("\ninclusive time by assembly (a sample counts once for each assembly on its stack):")
    for name, span in by_assembly.most_common(15):
        print(f"  {100 * span / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
