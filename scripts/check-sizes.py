#!/usr/bin/env python3
"""Keeps the code in small pieces: no file of src/ or hw/ over 300 lines, no function over 60.

Usage: scripts/check-sizes.py [--files N] [--functions N] [DIR...]   (default: src hw)

A function is a brace block whose head (the text since the previous ';', '{' or '}') ends in
a parameter list, perhaps with qualifiers, a trailing return type or a constructor's
initialisers; its length runs from the line of its head's '(' to its closing brace. Lambdas are
measured too, and also count as part of their enclosing function. Comments and string
literals are blanked first, so braces in them do not count. Exit status 1 when anything is
over, listing each as FILE:LINE: what.
"""
import argparse
import pathlib
import re
import sys

CONTROL = re.compile(r"\b(if|for|while|switch|catch|else|do|try)\s*(\(|$)")


def blank(text):
    """Comments and string or character literals replaced by spaces, newlines kept."""
    pattern = re.compile(r'//[^\n]*|/\*.*?\*/|R"([^(]*)\(.*?\)\1"|"(\\.|[^"\\\n])*"|\'(\\.|[^\'\\\n])*\'', re.S)
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def functions(text):
    """(name, first line, last line) of every function body in `text`."""
    code = blank(text)
    found, stack, head_start = [], [], 0
    for i, c in enumerate(code):
        if c == ";":
            head_start = i + 1
        elif c == "{":
            head = code[head_start:i]
            stack.append((head, i))
            head_start = i + 1
        elif c == "}":
            if stack:
                head, opened = stack.pop()
                found.append((head, opened, i))
            head_start = i + 1
    out = []
    for head, opened, closed in found:
        flat = " ".join(head.split())
        # the parameter list, then qualifiers, `-> type` or `: member(init), ...`
        m = re.search(r"([~\w:<>\]]+)\s*\(([^()]|\([^()]*\))*\)\s*(const|override|final|noexcept|mutable|"
                      r"->\s*[\w:<>&*, ]+|\s)*(:.*)?$", flat)
        if not m or CONTROL.search(flat[: m.start() + len(m.group(1)) + 1]) or flat.startswith(("=", "return")):
            continue
        start = opened - len(head) + head.find("(") if "(" in head else opened
        out.append((m.group(1), code.count("\n", 0, start) + 1, code.count("\n", 0, closed) + 1))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300, help="most lines a file may have")
    parser.add_argument("--functions", type=int, default=60, help="most lines a function may have")
    parser.add_argument("dirs", nargs="*", default=["src", "hw"])
    args = parser.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    over = []
    for d in args.dirs:
        for path in sorted((root / d).rglob("*")):
            if path.suffix not in (".cpp", ".hpp", ".h", ".cc") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            name = path.relative_to(root)
            lines = text.count("\n")
            if lines > args.files:
                over.append(f"{name}:1: {lines} lines (at most {args.files})")
            for func, first, last in functions(text):
                if last - first + 1 > args.functions:
                    over.append(f"{name}:{first}: {func}: {last - first + 1} lines (at most {args.functions})")
    for line in over:
        print(line)
    if not over:
        print(f"sizes ok: no file over {args.files} lines, no function over {args.functions}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
