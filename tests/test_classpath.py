"""%classpath, %load, %maven and %mavenRepo through the real kernel: the cells and the processes
started afterwards see the added classes, nothing is added twice, and mistakes end in one clear line.

The tests marked `network` download from Maven Central; PROCLAB_OFFLINE=1 skips them.
"""
import http.server
import os
import shutil
import socket
import subprocess
import textwrap
import threading
import time

import pytest

from conftest import STARTUP_TIMEOUT, collect, execute, fresh_kernel, ok, send_execute, start_kernel, stop_kernel

SOURCES = {
    "greeter": ("greet/Greeter.java",
                'package greet; public class Greeter { public static String hello(String n) { return "hello " + n; } }'),
    "alpha": ("alpha/Alpha.java", "package alpha; public class Alpha { public static int value(int x) { return x + 100; } }"),
    "beta": ("beta/Beta.java", 'package beta; public class Beta { public static String name() { return "beta"; } }'),
    "square": ("shapes/Square.java", "package shapes; public class Square { public static int area(int s) { return s * s; } }"),
}


def jdk_tool(name):
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", name)):
        return os.path.join(home, "bin", name)
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is needed to build the test libraries")
    return found


def compile_classes(name, out_dir, work):
    relative, source = SOURCES[name]
    source_file = work / "src" / name / relative
    source_file.parent.mkdir(parents=True, exist_ok=True)
    source_file.write_text(source)
    subprocess.run([jdk_tool("javac"), "--release", "17", "-d", str(out_dir), str(source_file)], check=True)


def build_jar(name, jar_path, work):
    classes = work / "classes-for" / name
    compile_classes(name, classes, work)
    jar_path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([jdk_tool("jar"), "--create", "--file", str(jar_path), "-C", str(classes), "."], check=True)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """The kernel's working directory: greeter.jar, lib/alpha.jar, lib/beta.jar, classes/shapes/Square.class, files to %load."""
    work = tmp_path_factory.mktemp("classpath")
    build_jar("greeter", work / "greeter.jar", work)
    build_jar("alpha", work / "lib" / "alpha.jar", work)
    build_jar("beta", work / "lib" / "beta.jar", work)
    compile_classes("square", work / "classes", work)
    (work / "helpers.jsh").write_text(textwrap.dedent("""\
        int triple(int x) { return 3 * x; }
        String loadedGreeting = "loaded";
        """))
    (work / "Doubler.java").write_text(textwrap.dedent("""\
        package demo;

        class Doubler {
            static int twice(int x) { return 2 * x; }
        }
        """))
    return work


@pytest.fixture(scope="module")
def kernel(workdir):
    """A kernel of this module's own, started in workdir so that relative paths resolve there."""
    km, kc = start_kernel(cwd=str(workdir))
    ok(kc, "int proclabWarmUp = 1;", timeout=STARTUP_TIMEOUT)
    try:
        yield km, kc
    finally:
        stop_kernel(km, kc)


def assert_one_clear_line(out, ename, text):
    assert out.status == "error", out
    assert out.error["ename"] == ename, out.error
    assert text in out.error["evalue"], out.error
    assert not any("\tat " in line or line.strip().startswith("at ") for line in out.error["traceback"]), out.error
    assert len(out.error["traceback"]) <= 2, out.error


# Warm children started before %classpath are not used with the old class path: a WARM pool started
# afterwards loads the new classes. %classpath with a glob adds every jar it matches.
def test_warm_children_see_a_later_classpath(kc, workdir):
    ok(kc, "try (var warmPool = new Pool(2, StartMethod.WARM)) { warmPool.map(x -> x + 1, List.of(1, 2)); }", timeout=90)
    deadline = time.monotonic() + 60
    while int(ok(kc, "MpContext.defaultContext().reservoir().readyCount()").result) < 1:
        assert time.monotonic() < deadline, "the reservoir never had a warm child"
        time.sleep(0.5)
    out = ok(kc, "%classpath lib/*.jar")
    assert out.stdout.splitlines() == [f"Added {workdir / 'lib' / 'alpha.jar'}", f"Added {workdir / 'lib' / 'beta.jar'}"]
    out = ok(kc, "try (var warmPool = new Pool(2, StartMethod.WARM)) {\n"
                 "    System.out.println(warmPool.map(x -> alpha.Alpha.value(x) + beta.Beta.name(), List.of(1, 2, 3)));\n}",
             timeout=90)
    assert out.stdout.strip() == "[101beta, 102beta, 103beta]", out


# A jar given by a relative path is usable in the cells and in a Process started afterwards.
def test_jar_in_kernel_and_process(kc, workdir):
    assert ok(kc, "%classpath greeter.jar").stdout == f"Added {workdir / 'greeter.jar'}\n"
    assert ok(kc, 'greet.Greeter.hello("kernel")').result == '"hello kernel"'
    out = ok(kc, 'var greeterChild = new Process(() -> System.out.println(greet.Greeter.hello("child")));\n'
                 "greeterChild.start();\ngreeterChild.join();\ngreeterChild.exitCode()", timeout=60)
    assert "hello child" in out.stdout and out.result == "0", out


# A directory of classes works too; %classpath alone lists what was added, each entry once, and
# re-adding (also written Windows-style) changes nothing, in the kernel or in children.
def test_directory_listing_and_dedupe(kc, workdir):
    ok(kc, "%classpath classes")
    assert ok(kc, "shapes.Square.area(4)").result == "16"
    out = ok(kc, "%classpath greeter.jar ./greeter.jar lib\\*.jar")
    assert out.stdout.count("Already on the class path: ") == 3, out.stdout
    listing = ok(kc, "%classpath").stdout.splitlines()
    assert listing[0] == "Added to the class path:"
    assert [line.strip() for line in listing[1:]] == [str(workdir / "lib" / "alpha.jar"), str(workdir / "lib" / "beta.jar"),
                                                      str(workdir / "greeter.jar"), str(workdir / "classes")]
    out = ok(kc, 'var pathChild = new Process(() -> System.out.println(System.getProperty("java.class.path")));\n'
                 "pathChild.start();\npathChild.join();", timeout=60)
    assert out.stdout.count("greeter.jar") == 1, out.stdout


# A missing path or a glob matching nothing is one usage line; nothing is added.
def test_missing_path_and_empty_glob(kc):
    assert_one_clear_line(execute(kc, "%classpath nothing-here.jar"), "MagicUsageError",
                          "there is no file or directory nothing-here.jar")
    assert_one_clear_line(execute(kc, "%classpath lib/*.war"), "MagicUsageError", "lib/*.war matches no jar file")
    assert_one_clear_line(execute(kc, "%classpath helpers.jsh"), "MagicUsageError",
                          "helpers.jsh is neither a jar file nor a directory of classes")
    assert "nothing-here" not in ok(kc, "%classpath").stdout


# %load runs a file's snippets as if typed in the cell; a .java file's package line is left out.
def test_load_files(kc):
    ok(kc, "%load helpers.jsh")
    assert ok(kc, "triple(5) + loadedGreeting").result == '"15loaded"'
    ok(kc, "%load Doubler.java")
    assert ok(kc, "Doubler.twice(4)").result == "8"
    assert_one_clear_line(execute(kc, "%load missing.jsh"), "MagicUsageError", "there is no file missing.jsh")


# Wrong Maven coordinates are a usage error; %mavenRepo lists and adds repositories.
def test_maven_usage_and_repositories(kc, workdir):
    assert_one_clear_line(execute(kc, "%maven commons-lang3"), "MagicUsageError", "'commons-lang3' is not a Maven coordinate")
    assert_one_clear_line(execute(kc, "%maven org.example::1.0"), "MagicUsageError", "is not a Maven coordinate")
    assert "central  https://repo.maven.apache.org/maven2/" in ok(kc, "%mavenRepo").stdout
    assert_one_clear_line(execute(kc, "%mavenRepo extra not-an-address"), "MagicUsageError", "is not a repository address")
    (workdir / "empty-repo").mkdir(exist_ok=True)
    repository = (workdir / "empty-repo").as_uri()
    assert ok(kc, f"%mavenRepo empty {repository}").stdout == f"%maven now also looks in empty ({repository}).\n"
    assert f"empty  {repository}" in ok(kc, "%mavenRepo").stdout
    listed = ok(kc, "%lsmagic").stdout.split()
    assert {"%classpath", "%load", "%maven", "%mavenRepo"} <= set(listed), listed
    assert ok(kc, "%help maven").stdout.startswith("%maven GROUP:ARTIFACT:VERSION")


# %maven downloads a library with its dependency; the cells and a Pool worker use it; adding it (or
# its dependency, or another version of it) again does not grow the class path.
@pytest.mark.network
def test_maven_library_in_kernel_and_pool(kc):
    out = ok(kc, "%maven org.apache.commons:commons-text:1.12.0", timeout=180)
    assert out.stdout.startswith("Resolved in "), out.stdout
    assert "Added 2 jars to the class path:" in out.stdout, out.stdout
    assert "  org.apache.commons:commons-text:1.12.0" in out.stdout and "  org.apache.commons:commons-lang3:" in out.stdout
    assert ok(kc, 'org.apache.commons.text.WordUtils.capitalize("hello world")').result == '"Hello World"'
    out = ok(kc, 'try (var mavenPool = new Pool(2)) {\n'
                 '    System.out.println(mavenPool.map(s -> org.apache.commons.lang3.StringUtils.reverse(s), List.of("ab", "cd")));\n}',
             timeout=90)
    assert out.stdout.strip() == "[ba, dc]", out
    before = ok(kc, "%classpath").stdout
    lang3 = [line.strip() for line in ok(kc, "%maven").stdout.splitlines() if "commons-lang3" in line][0]
    out = ok(kc, f"%maven org.apache.commons:commons-text:1.12.0 {lang3}", timeout=120)
    assert "Nothing new to add." in out.stdout and "Already on the class path: " in out.stdout, out.stdout
    out = ok(kc, "%maven org.apache.commons:commons-lang3:3.12.0", timeout=120)
    assert f"Kept {lang3} (not adding version 3.12.0 too)" in out.stdout, out.stdout
    assert ok(kc, "%classpath").stdout == before


# %maven reads Maven's settings like mvn: a mirror of Central in ~/.m2/settings.xml (the kernel's
# user.home is a scratch home here) serves the library, which lands in the local repository the
# settings name; the cells then use it. No network: the mirror is a web server on this machine.
def test_maven_follows_the_users_settings_xml(tmp_path):
    mirror = tmp_path / "mirror"
    artifact = mirror / "org" / "proclab" / "demo" / "greeter" / "1.0"
    build_jar("greeter", artifact / "greeter-1.0.jar", tmp_path)
    (artifact / "greeter-1.0.pom").write_text(
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
        "<groupId>org.proclab.demo</groupId><artifactId>greeter</artifactId><version>1.0</version></project>")
    requested = []

    class Mirror(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(mirror), **kwargs)

        def log_message(self, *args):
            requested.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Mirror)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    home = tmp_path / "home"
    (home / ".m2").mkdir(parents=True)
    (home / ".m2" / "settings.xml").write_text(
        f"<settings><localRepository>{tmp_path / 'local'}</localRepository><mirrors><mirror><id>school</id>"
        f"<url>http://127.0.0.1:{server.server_address[1]}/</url><mirrorOf>central</mirrorOf></mirror></mirrors></settings>")
    try:
        with fresh_kernel(env={**os.environ, "JAVA_TOOL_OPTIONS": f"-Duser.home={home}"}) as (_, kc):
            out = ok(kc, "%maven org.proclab.demo:greeter:1.0", timeout=120)
            assert "Added 1 jar to the class path:\n  org.proclab.demo:greeter:1.0\n" in out.stdout, out.stdout
            assert ok(kc, 'greet.Greeter.hello("mirror")').result == '"hello mirror"'
    finally:
        server.shutdown()
    assert (tmp_path / "local" / "org" / "proclab" / "demo" / "greeter" / "1.0" / "greeter-1.0.jar").is_file()
    assert "/org/proclab/demo/greeter/1.0/greeter-1.0.pom" in requested, requested


# Coordinates that do not exist are one clear line, and the kernel goes on.
@pytest.mark.network
def test_maven_unknown_artifact(kc):
    out = execute(kc, "%maven org.proclab.nonexistent:no-such-artifact:1.0", timeout=180)
    assert_one_clear_line(out, "MavenError", "cannot find org.proclab.nonexistent:no-such-artifact")
    assert len(out.error["traceback"]) == 1
    assert ok(kc, "6 * 7").result == "42"


# The stop button ends a %maven that waits for a repository that never answers, within the
# interrupt limit; the kernel then works, and that resolution added nothing.
@pytest.mark.network
def test_interrupt_during_maven_download(km, kc):
    asked = threading.Event()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        held = []

        def accept_and_stay_silent():
            try:
                while True:
                    held.append(server.accept()[0])
                    asked.set()
            except OSError:
                pass

        threading.Thread(target=accept_and_stay_silent, daemon=True).start()
        ok(kc, f"%mavenRepo silent http://127.0.0.1:{port}/")
        before = ok(kc, "%classpath").stdout
        msg_id = send_execute(kc, "%maven org.proclab.silent:never-answered:1.0")
        assert asked.wait(90), "%maven never asked the silent repository"
        started = time.monotonic()
        km.interrupt_kernel()
        out = collect(kc, msg_id, timeout=30)
        elapsed = out.reply_time - started
        for connection in held:
            connection.close()
    assert out.status == "error" and out.error["ename"] == "Interrupted", out
    assert elapsed < 2, f"the interrupt took {elapsed:.3f}s"  # 0.8 s of it: the grace for work deaf to interrupts
    assert ok(kc, "6 * 7").result == "42"
    assert ok(kc, "%classpath").stdout == before


# The libraries the kernel uses for %maven itself are out of the way: a notebook that adds one of
# them (commons-codec here) gets the version it asked for.
@pytest.mark.network
def test_added_library_is_not_shadowed_by_the_kernels_own(kc):
    ok(kc, "%maven commons-codec:commons-codec:1.17.0", timeout=180)
    out = ok(kc, "org.apache.commons.codec.binary.Hex.class.getProtectionDomain().getCodeSource().getLocation().toString()")
    assert "commons-codec-1.17.0.jar" in out.result, out
