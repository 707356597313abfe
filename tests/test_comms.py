"""Jupyter comms through the real kernel: comm_open, comm_msg and comm_close both ways, comm_info_request,
handlers that run while a cell runs, and their output and errors in the cell that owns the comm."""
import json

from conftest import collect, ok, send_execute, shell_request, wait_for_stray, wait_for_stream

TARGET = "proclab.test"


def send_comm(kc, msg_type, content, metadata=None):
    """Sends a comm message as a front end does (on the shell channel); returns its msg_id."""
    msg = kc.session.msg(msg_type, content, metadata=metadata)
    kc.shell_channel.send(msg)
    return msg["header"]["msg_id"]


def comm_info(kc, **content):
    reply = shell_request(kc, lambda kc: send_comm(kc, "comm_info_request", content))
    assert reply["msg_type"] == "comm_info_reply" and reply["content"]["status"] == "ok", reply
    return reply["content"]["comms"]


def open_comm(kc, name, data="Map.of()"):
    """Opens a comm from a cell into the variable name; returns (its id, the cell's msg_id, its comm_open)."""
    out = ok(kc, f'var {name} = Comm.open("{TARGET}", {data});\n{name}.id()')
    opened = [m for m in out.messages if m["msg_type"] == "comm_open"]
    assert len(opened) == 1, out.messages
    return json.loads(out.result), out.msg_id, opened[0]


def stray_text(kc, parent_id, words, stream="stdout"):
    """Waits for output of an earlier cell (parent_id) containing words; returns that cell's text so far."""
    def wanted(m):
        return (m["msg_type"] == "stream" and m["content"]["name"] == stream
                and m["parent_header"].get("msg_id") == parent_id and words in m["content"]["text"])
    return "".join(m["content"]["text"] for m in wait_for_stray(kc, wanted))


# A cell opens a comm: the front end gets comm_open with the target and the data, and comm_info_request lists
# the comm, filtered by target name when one is given.
def test_a_cell_opens_a_comm_that_comm_info_lists(kc):
    comm_id, _, opened = open_comm(kc, "first", 'Map.of("value", 1, "label", "one")')
    assert opened["content"]["comm_id"] == comm_id
    assert opened["content"]["target_name"] == TARGET
    assert opened["content"]["data"] == {"value": 1, "label": "one"}
    assert comm_info(kc)[comm_id] == {"target_name": TARGET}
    assert comm_id in comm_info(kc, target_name=TARGET)
    assert comm_info(kc, target_name="another.target") == {}


# comm_msg from the front end reaches the comm's handler, whose output lands in the cell that opened the comm;
# comm.send reaches the front end as comm_msg with the data.
def test_messages_both_ways(kc):
    comm_id, cell_id, _ = open_comm(kc, "echo")
    out = ok(kc, 'echo.onMessage(data -> { System.out.println("got " + data.get("n")); '
                 'echo.send(Map.of("twice", ((Number) data.get("n")).intValue() * 2)); });')
    assert out.stdout == ""
    send_comm(kc, "comm_msg", {"comm_id": comm_id, "data": {"n": 21}})
    assert "got 21" in stray_text(kc, cell_id, "got 21")
    sent = wait_for_stray(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id)
    assert sent[0]["content"]["data"] == {"twice": 42}


# The whole point of a stop button: a comm message is handled while a cell is still running.
def test_a_message_reaches_its_handler_while_a_cell_runs(kc):
    comm_id, _, _ = open_comm(kc, "button")
    ok(kc, "var pressed = new java.util.concurrent.CountDownLatch(1);\nbutton.onMessage(data -> pressed.countDown());")
    msg_id = send_execute(kc, 'System.out.println("waiting for the button");\n'
                              "pressed.await(60, java.util.concurrent.TimeUnit.SECONDS)")
    prior = wait_for_stream(kc, msg_id, "waiting for the button")
    send_comm(kc, "comm_msg", {"comm_id": comm_id, "data": {"event": "click"}})
    out = collect(kc, msg_id, prior=prior, timeout=60)
    assert out.status == "ok" and out.result == "true", out


# The front end opens a comm to a target a cell registered: the cell's handler gets the comm and the data and
# answers on it. A comm to a target nobody registered is closed again at once.
def test_the_front_end_opens_a_comm_to_a_registered_target(kc):
    ok(kc, 'Comm.registerTarget("proclab.echo", (comm, data) -> comm.send(Map.of("hello", data.get("name"))));')
    open_id = send_comm(kc, "comm_open", {"comm_id": "c-from-js", "target_name": "proclab.echo", "data": {"name": "Ada"}})
    answer = wait_for_stray(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == "c-from-js")
    assert answer[0]["content"]["data"] == {"hello": "Ada"}
    assert answer[0]["parent_header"]["msg_id"] == open_id
    assert comm_info(kc, target_name="proclab.echo") == {"c-from-js": {"target_name": "proclab.echo"}}

    send_comm(kc, "comm_open", {"comm_id": "c-nobody", "target_name": "proclab.nobody", "data": {}})
    closed = wait_for_stray(kc, lambda m: m["msg_type"] == "comm_close" and m["content"]["comm_id"] == "c-nobody")
    assert closed
    assert "c-nobody" not in comm_info(kc)


# Either side closes: the front end's comm_close runs the comm's close handler; a cell's close() sends
# comm_close; a closed comm is no longer listed and refuses to send.
def test_either_side_closes(kc):
    by_front_end, cell_id, _ = open_comm(kc, "leaving")
    ok(kc, 'leaving.onClose(data -> System.out.println("closed because " + data.get("why")));')
    send_comm(kc, "comm_close", {"comm_id": by_front_end, "data": {"why": "tab closed"}})
    assert "closed because tab closed" in stray_text(kc, cell_id, "closed because")
    assert by_front_end not in comm_info(kc)

    by_cell, _, _ = open_comm(kc, "shutting")
    out = ok(kc, 'shutting.close(Map.of("bye", true));\nshutting.isOpen()')
    closes = [m for m in out.messages if m["msg_type"] == "comm_close"]
    assert out.result == "false" and closes[0]["content"] == {"comm_id": by_cell, "data": {"bye": True}}
    assert by_cell not in comm_info(kc)
    out = ok(kc, 'try { shutting.send(Map.of()); } catch (IllegalStateException e) { System.out.println(e.getMessage()); }')
    assert "is closed" in out.stdout


# An exception in a handler is reported in the cell that owns the comm, and the kernel keeps working.
def test_a_failing_handler_reports_in_its_cell(kc):
    comm_id, cell_id, _ = open_comm(kc, "fragile")
    ok(kc, 'fragile.onMessage(data -> { throw new IllegalStateException("the slider broke"); });')
    send_comm(kc, "comm_msg", {"comm_id": comm_id, "data": {}})
    text = stray_text(kc, cell_id, "the slider broke", stream="stderr")
    assert "IllegalStateException" in text
    assert ok(kc, "1 + 1").result == "2"


# A child process has no front end: opening a comm there fails with a message saying why.
def test_a_child_process_cannot_open_a_comm(kc):
    out = ok(kc, 'var p = new Process(() -> Comm.open("proclab.child", Map.of()));\np.start();\np.join();\np.exitCode()',
             timeout=60)
    assert out.result == "1"
    assert "CommsUnavailableException" in out.stderr and "a child process cannot own a widget" in out.stderr
