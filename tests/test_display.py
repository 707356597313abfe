"""The display API through the real kernel: display/updateDisplay, MIME helpers, renderers for the last
expression, images, where displays from threads and child processes go, and coloured tracebacks."""
import base64
import html.parser
import re
import struct
import xml.etree.ElementTree as ET

from conftest import execute, ok, stray_messages

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def displays(out, kind="display_data"):
    return [m["content"] for m in out.messages if m["msg_type"] == kind]


def result_data(out):
    results = [m["content"]["data"] for m in out.messages if m["msg_type"] == "execute_result"]
    assert len(results) == 1, out
    return results[0]


class _Checked(html.parser.HTMLParser):
    """Parses HTML and checks that every element opened is closed in order (void elements aside)."""
    VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr"}

    def __init__(self):
        super().__init__()
        self.open = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def parse_html(text):
    parser = _Checked()
    parser.feed(text)
    parser.close()
    assert not parser.open, f"unclosed {parser.open} in {text}"
    return parser


# display(obj) returns an id and sends display_data with that id in transient; the cell shows no value for it.
def test_display_returns_an_id_and_sends_display_data(kc):
    out = ok(kc, 'var firstShown = display("hello");\nSystem.out.println("id=" + firstShown);')
    shown = displays(out)
    assert len(shown) == 1, out.messages
    assert shown[0]["data"] == {"text/plain": "hello"}
    display_id = shown[0]["transient"]["display_id"]
    assert out.stdout.strip() == "id=" + display_id
    assert ok(kc, 'display("again")').results == [], "a display(...) call as last expression shows no value"


# updateDisplay sends update_display_data with the id display returned, from a later cell too.
def test_update_display_replaces_by_id(kc):
    first = ok(kc, 'var counter = display("count: 0");')
    display_id = displays(first)[0]["transient"]["display_id"]
    later = ok(kc, 'updateDisplay(counter, "count: 1");\nupdateDisplay(counter, "text/html", "<b>count: 2</b>");')
    updates = displays(later, "update_display_data")
    assert [u["transient"]["display_id"] for u in updates] == [display_id, display_id]
    assert updates[0]["data"] == {"text/plain": "count: 1"}
    assert updates[1]["data"] == {"text/plain": "count: 2", "text/html": "<b>count: 2</b>"}
    assert displays(later) == []


# display(mime, String) sends that MIME type with a text/plain form made from it.
def test_display_with_a_mime_type(kc):
    out = ok(kc, 'display("text/html", "<p>a &amp; b<br>c</p>");\ndisplay("text/latex", "$x^2$");')
    html_display, latex = displays(out)
    assert html_display["data"]["text/html"] == "<p>a &amp; b<br>c</p>"
    assert html_display["data"]["text/plain"] == "a & b\nc"
    parse_html(html_display["data"]["text/html"])
    assert latex["data"] == {"text/plain": "$x^2$", "text/latex": "$x^2$"}


# Markdown, Html and Svg each show their MIME type with a text/plain fallback, as display and as last expression.
def test_markdown_html_svg_have_text_fallback(kc):
    out = ok(kc, 'display(Markdown.of("**bold** text"));\n'
                 'display(new Html("<ul><li>one</li><li>two &lt;3</li></ul>"));\n'
                 "display(Svg.of(\"<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'>"
                 "<title>a bar</title><rect width='20' height='10'/></svg>\"));")
    markdown, html_shown, svg = displays(out)
    assert markdown["data"] == {"text/plain": "**bold** text", "text/markdown": "**bold** text"}
    assert html_shown["data"]["text/plain"] == "one\ntwo <3"
    parse_html(html_shown["data"]["text/html"])
    root = ET.fromstring(svg["data"]["image/svg+xml"])
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("width") == "20"
    assert svg["data"]["text/plain"] == "[SVG image: a bar]"
    data = result_data(ok(kc, 'Markdown.of("# Title")'))
    assert data == {"text/plain": "# Title", "text/markdown": "# Title"}


# Plain values show exactly as before: no rich forms.
def test_plain_values_are_unchanged(kc):
    assert result_data(ok(kc, "6*7")) == {"text/plain": "42"}
    assert result_data(ok(kc, '"hi"')) == {"text/plain": '"hi"'}
    assert result_data(ok(kc, "List.of(1, 2, 3)")) == {"text/plain": "[1, 2, 3]"}


# A long list shows as IPython shows one: an element to a line, broken between numbers, never inside one,
# the first thousand and then "...".
def test_long_list_breaks_between_numbers(kc):
    text = result_data(ok(kc, "IntStream.range(0, 2000).map(i -> i * 1000).boxed().toList()"))["text/plain"]
    lines = text.split("\n")
    assert len(lines) == 1001, text[:200]
    assert lines[0] == "[0,"
    assert lines[1:1000] == [f" {i * 1000}," for i in range(1, 1000)]
    assert lines[1000] == " ...]"


# A list of records as last expression is an HTML table (escaped) with an aligned text table beside it.
def test_list_of_records_is_a_table(kc):
    ok(kc, "record Pupil(String name, int grade) {}")
    data = result_data(ok(kc, 'List.of(new Pupil("Ada", 1), new Pupil("<Bob & co>", 12))'))
    assert data["text/plain"] == "name        grade\nAda         1\n<Bob & co>  12\n"
    parsed = parse_html(data["text/html"])
    assert parsed.tags.count("th") == 2 and parsed.tags.count("td") == 4
    assert "&lt;Bob &amp; co&gt;" in data["text/html"]
    shown = displays(ok(kc, 'display(List.of(new Pupil("Cy", 3)));'))
    assert "<td>Cy</td>" in shown[0]["data"]["text/html"]


# Renderers.register makes a type show as the renderer says; the nearest registered type wins.
def test_custom_renderer_registration(kc):
    ok(kc, "record Temp(double celsius) {}\n"
           'Renderers.register(Object.class, o -> null);\n'
           'Renderers.register(Record.class, r -> Html.of("<i>some record</i>"));\n'
           'Renderers.register(Temp.class, t -> Html.of("<b>" + t.celsius() + " °C</b>"));')
    data = result_data(ok(kc, "new Temp(21.5)"))
    assert data == {"text/plain": "21.5 °C", "text/html": "<b>21.5 °C</b>"}
    other = result_data(ok(kc, "record Other(int x) {}\nnew Other(1)"))
    assert other["text/html"] == "<i>some record</i>"
    assert result_data(ok(kc, "6*7")) == {"text/plain": "42"}, "a renderer returning null leaves the value alone"
    ok(kc, "Renderers.remove(Record.class);\nRenderers.remove(Temp.class);\nRenderers.remove(Object.class);")
    assert result_data(ok(kc, "new Temp(1.0)")) == {"text/plain": "Temp[celsius=1.0]"}


# A renderer that throws makes the cell fail with that exception, like any cell code; the kernel lives on.
def test_failing_renderer_is_a_cell_error(kc):
    ok(kc, "record Fragile(int x) {}\n"
           'Renderers.register(Fragile.class, f -> { throw new IllegalStateException("cannot draw " + f.x()); });')
    out = execute(kc, "new Fragile(3)")
    assert out.error["ename"] == "IllegalStateException" and out.error["evalue"] == "cannot draw 3", out
    assert execute(kc, "display(new Fragile(4));").error["evalue"] == "cannot draw 4"
    ok(kc, "Renderers.remove(Fragile.class);")
    assert result_data(ok(kc, "new Fragile(5)")) == {"text/plain": "Fragile[x=5]"}


# A BufferedImage shows as a PNG (base64) of the right size, as last expression and with display.
def test_buffered_image_is_png(kc):
    out = ok(kc, "var picture = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                 "picture.setRGB(1, 1, 0xff0000);\npicture")
    data = result_data(out)
    png = base64.b64decode(data["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (30, 20)
    assert data["text/plain"] == "[image 30×20]"
    assert "image/png" in displays(ok(kc, "display(picture);"))[0]["data"]


# A display from a thread the cell started lands in that cell, even after the cell has ended (the thread
# displays only once the next cell lets it, and that cell waits for it).
def test_display_from_cell_thread_goes_to_that_cell(kc):
    ok(kc, "var displayerGo = new CountDownLatch(1);")
    started = ok(kc, "var displayer = new Thread(() -> {\n"
                     "    try { displayerGo.await(60, TimeUnit.SECONDS); } catch (InterruptedException e) { }\n"
                     '    display(Markdown.of("from the thread"));\n'
                     "});\ndisplayer.start();")
    assert displays(started) == [], "the thread displays only after the cell has ended"
    later = ok(kc, "displayerGo.countDown();\ndisplayer.join();")
    assert displays(later) == [], "not in the cell that happens to be running"
    found = [m for m in stray_messages(kc) if m["msg_type"] == "display_data"]
    assert len(found) == 1 and found[0]["parent_header"]["msg_id"] == started.msg_id, found
    assert found[0]["content"]["data"]["text/markdown"] == "from the thread"


# Printed text and displays keep their order.
def test_order_of_prints_and_displays(kc):
    out = ok(kc, 'System.out.println("one");\ndisplay("two");\nSystem.out.println("three");\n'
                 'display(Markdown.of("four"));')
    kinds = [(m["msg_type"], m["content"].get("text") or m["content"].get("data", {}).get("text/plain"))
             for m in out.messages if m["msg_type"] in ("stream", "display_data")]
    assert kinds == [("stream", "one\n"), ("display_data", "two"), ("stream", "three\n"), ("display_data", "four")]


# In a child process display prints the text/plain form, which comes back as the child's output.
def test_display_in_child_process_prints_text(kc):
    out = ok(kc, 'var child = new Process(() -> { display(Markdown.of("*from the child*")); });\n'
                 "child.start();\nchild.join();", timeout=60)
    assert "*from the child*" in out.stdout, out
    assert displays(out) == []


# Tracebacks mark the error's name, the user's places and the caret in bold (no colour: decision 039); ename and
# evalue stay plain, and the plain text still reads the same.
def test_traceback_is_marked_but_name_and_value_plain(kc):
    ok(kc, "int colourDivide(int a) {\n    return a / 0;\n}")
    out = execute(kc, "colourDivide(1)")
    error = out.error
    assert error["ename"] == "ArithmeticException" and error["evalue"] == "/ by zero"
    assert not ANSI.search(error["ename"] + error["evalue"])
    traceback = error["traceback"]
    assert traceback[0] == "\x1b[1mjava.lang.ArithmeticException\x1b[0m: / by zero", traceback
    assert any("\x1b[1mcolourDivide (cell [" in line for line in traceback), traceback
    compile_error = execute(kc, "String colourBad = 42;").error
    assert any(ANSI.sub("", line).strip() == "^" and "\x1b[1m^" in line for line in compile_error["traceback"])
    assert not ANSI.search(compile_error["evalue"])
    codes = {code for line in traceback + compile_error["traceback"] for code in ANSI.findall(line)}
    assert codes == {"\x1b[1m", "\x1b[0m"}, codes
