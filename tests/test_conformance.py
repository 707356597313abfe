"""The Jupyter project's own kernel conformance tests (jupyter_kernel_test 0.4.x), with Java samples.

KernelTests starts one kernel for the class (setUpClass) and shuts it down in tearDownClass.
test_history's "tail, output=True" step asks for [session, line, (input, output)] entries; ProcLab
ignores output=True and returns the input alone, so that step fails until the kernel supports it.

Attributes left out on purpose: code_page_something (ProcLab has no pager payloads),
code_display_data (no display_data support yet), code_clear_output (no clear_output support).
"""
import unittest

import jupyter_kernel_test


class ProcLabConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "proclab"
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    # JShell's completions carry the opening parenthesis of a method call.
    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Integer.MAX_V", "matches": {"MAX_VALUE"}},
    ]

    complete_code_samples = [
        "int a = 1;",
        "6*7",
        'System.out.println("hi");',
        "for (int i = 0; i < 3; i++) { }",
        "class A { int f() { return 1; } }",
        "int b = 2; int c = 3;",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "class A {",
        "int f(int x) {\n    return x;",
        "1 +",
        "/* an unclosed comment",
    ]
    # Code that no continuation can make valid Java.
    invalid_code_samples = [
        "}",
        "int x = );",
        "x = ;",
        '"an unterminated string literal',
    ]

    code_inspect_sample = "Math.abs"
    code_generate_error = 'throw new RuntimeException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
    ]
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*7"


if __name__ == "__main__":
    unittest.main()
