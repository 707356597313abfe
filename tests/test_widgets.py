"""Widgets through the real kernel, as an ipywidgets 8 front end sees them: each widget's comm_open and view,
two-way sync of values, clicks handled while a cell runs, interact re-running in its Output widget, a reloaded
page getting its widgets back, the error in a child process, and the text that `proclab run` prints."""
import os
import pathlib
import subprocess
import uuid

import nbformat
import pytest

from conftest import collect, ok, proclab_notebook, send_execute, stray_messages, wait_for_stray, wait_for_stream
from test_comms import comm_info, send_comm
from test_frontends import KERNEL_NAME, run_jupyter

ROOT = pathlib.Path(__file__).resolve().parents[1]
JAR = os.environ.get("PROCLAB_JAR", str(ROOT / "proclab-app" / "target" / "proclab.jar"))
VIEW = "application/vnd.jupyter.widget-view+json"
CONTROL = "jupyter.widget.control"


def opened_widgets(out):
    """The comm_open messages of a cell, keyed by model name."""
    return {m["content"]["data"]["state"]["_model_name"]: m for m in out.messages if m["msg_type"] == "comm_open"}


def widget_messages(messages, comm_id):
    """The data of the comm_msg messages on comm_id, in order."""
    return [m["content"]["data"] for m in messages if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id]


def update(kc, comm_id, **state):
    """Sends what a front end sends when the user changes a control; returns its msg_id."""
    return send_comm(kc, "comm_msg", {"comm_id": comm_id, "data": {"method": "update", "state": state,
                                                                    "buffer_paths": []}})


def new_slider(kc, name, value=5):
    """Creates an IntSlider in the variable name, ending the cell with it; returns (its comm id, the cell's outcome)."""
    out = ok(kc, f'var {name} = new IntSlider("n", 0, 10, {value});\n{name}')
    slider = opened_widgets(out)["IntSliderModel"]
    return slider["content"]["comm_id"], out


def wait_for_idle_of(kc, msg_id):
    return wait_for_stray(kc, lambda m: m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
                          and m["content"]["execution_state"] == "idle")


# A slider opens its model on the jupyter.widget target with protocol 2.1.0: the ipywidgets 8 names and versions,
# the value, and its layout and style opened before it; a cell ending in it shows the widget's view, with a text
# form beside it; display() shows the same.
def test_a_slider_opens_its_model_and_shows_its_view(kc):
    comm_id, out = new_slider(kc, "shown")
    opened = opened_widgets(out)
    slider = opened["IntSliderModel"]
    assert slider["content"]["target_name"] == "jupyter.widget"
    assert slider["metadata"] == {"version": "2.1.0"}
    assert slider["content"]["data"]["buffer_paths"] == []
    state = slider["content"]["data"]["state"]
    assert state["_model_module"] == "@jupyter-widgets/controls" and state["_model_module_version"] == "2.0.0"
    assert state["_view_name"] == "IntSliderView" and state["_view_module_version"] == "2.0.0"
    assert (state["value"], state["min"], state["max"], state["description"]) == (5, 0, 10, "n")
    assert "tooltip" in state and state["tooltip"] is None
    assert state["layout"] == "IPY_MODEL_" + opened["LayoutModel"]["content"]["comm_id"]
    assert state["style"] == "IPY_MODEL_" + opened["SliderStyleModel"]["content"]["comm_id"]
    order = [m["content"]["comm_id"] for m in out.messages if m["msg_type"] == "comm_open"]
    assert order.index(comm_id) == len(order) - 1, "layout and style come first"

    (result,) = out.results
    assert result["content"]["data"][VIEW] == {"model_id": comm_id, "version_major": 2, "version_minor": 0}
    assert result["content"]["data"]["text/plain"] == 'IntSlider(description="n", value=5, min=0, max=10)'
    shown = ok(kc, "display(shown);")
    (display,) = [m for m in shown.messages if m["msg_type"] == "display_data"]
    assert display["content"]["data"][VIEW]["model_id"] == comm_id


# The user moves the slider: an observer's print lands in the cell that made the slider, the update is echoed
# back under the front end's message, that message goes idle, and Java reads the new value.
def test_a_front_end_update_reaches_an_observer(kc):
    comm_id, out = new_slider(kc, "moved")
    ok(kc, 'moved.onChange(v -> System.out.println("now " + v));')
    msg_id = update(kc, comm_id, value=7)
    printed = wait_for_stray(kc, lambda m: m["msg_type"] == "stream" and "now 7" in m["content"]["text"])
    assert printed[0]["parent_header"]["msg_id"] == out.msg_id
    echo = wait_for_stray(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == comm_id)
    assert echo[0]["content"]["data"] == {"method": "echo_update", "state": {"value": 7}, "buffer_paths": []}
    assert echo[0]["parent_header"]["msg_id"] == msg_id
    wait_for_idle_of(kc, msg_id)
    assert ok(kc, "moved.value()").result == "7"


# A change made in Java reaches the front end as one update of that key.
def test_a_java_change_arrives_as_an_update(kc):
    comm_id, _ = new_slider(kc, "steered")
    out = ok(kc, "steered.setValue(3);")
    assert widget_messages(out.messages, comm_id) == [{"method": "update", "state": {"value": 3}, "buffer_paths": []}]


# A button's click is handled while a cell runs, so a loop can wait for it. The click's message goes idle at
# once (the front end waits for that before sending a control's next change) and the running cell is announced
# busy again, until it ends.
def test_a_click_is_handled_while_a_cell_runs(kc):
    out = ok(kc, 'var stop = new Button("Stop");\nvar stopped = new java.util.concurrent.atomic.AtomicBoolean();\n'
                 'stop.onClick(() -> stopped.set(true));\nstop')
    comm_id = opened_widgets(out)["ButtonModel"]["content"]["comm_id"]
    msg_id = send_execute(kc, 'System.out.println("looping");\nint rounds = 0;\n'
                              'while (!stopped.get()) { rounds++; Thread.sleep(5); }\n"stopped"')
    prior = wait_for_stream(kc, msg_id, "looping")
    click = send_comm(kc, "comm_msg", {"comm_id": comm_id, "data": {"method": "custom", "content": {"event": "click"}}})
    result = collect(kc, msg_id, prior=prior, timeout=60)
    assert result.status == "ok" and result.result == '"stopped"', result
    wait_for_idle_of(kc, click)
    busy = [m for m in result.messages if m["msg_type"] == "status" and m["content"]["execution_state"] == "busy"]
    assert len(busy) == 2, "busy again for the running cell after the click's idle"


# interact runs the function at once, its output inside the Output widget (the widget is told the cell's request
# before the output and let go after it), and again when the user changes the control, clearing the last run.
def test_interact_reruns_in_its_output_widget(kc):
    out = ok(kc, 'var k = new IntSlider("k", 0, 10, 2);\nWidgets.interact(k, v -> System.out.println("square " + v * v))')
    opened = opened_widgets(out)
    output_id = opened["OutputModel"]["content"]["comm_id"]
    box = opened["VBoxModel"]["content"]["data"]["state"]
    assert box["children"] == ["IPY_MODEL_" + opened["IntSliderModel"]["content"]["comm_id"], "IPY_MODEL_" + output_id]
    assert_captured(out.messages, output_id, out.msg_id, "square 4")

    update(kc, opened["IntSliderModel"]["content"]["comm_id"], value=3)
    wait_for_stray(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output_id
                   and m["content"]["data"]["state"] == {"msg_id": ""})
    strays = stray_messages(kc)
    assert widget_messages(strays, output_id)[0]["state"] == {"outputs": []}
    assert_captured(strays, output_id, out.msg_id, "square 9")


def assert_captured(messages, output_id, request_id, text):
    """The Output widget's msg_id is set to request_id before the stream with text (under request_id) and
    cleared after it."""
    def at(predicate):
        return next(i for i, m in enumerate(messages) if predicate(m))
    start = at(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output_id
               and m["content"]["data"]["state"] == {"msg_id": request_id})
    printed = at(lambda m: m["msg_type"] == "stream" and text in m["content"]["text"])
    end = at(lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output_id
             and m["content"]["data"]["state"] == {"msg_id": ""})
    assert start < printed < end, messages
    assert messages[printed]["parent_header"]["msg_id"] == request_id


# A page reloaded: ipywidgets' front end opens the control comm (protocol 1.0.0) and asks for every widget's state.
# The answer, on that comm and under the request, holds each open widget's model and current state, changes made
# from Java included, and no buffers. comm_info lists the control comm while it is open, as ipykernel does.
def test_a_reloaded_page_gets_every_widget_back(kc):
    slider, _ = new_slider(kc, "kept", value=2)
    out = ok(kc, 'var flag = new Checkbox("flag", false);\nflag')
    checkbox = opened_widgets(out)["CheckboxModel"]["content"]["comm_id"]
    ok(kc, "kept.setValue(8);\nflag.setValue(true);")

    control = "control-" + uuid.uuid4().hex
    send_comm(kc, "comm_open", {"comm_id": control, "target_name": CONTROL, "data": {}}, metadata={"version": "1.0.0"})
    request = send_comm(kc, "comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
    (answer,) = wait_for_stray(kc, lambda m: m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == control)
    assert answer["parent_header"]["msg_id"] == request
    data = answer["content"]["data"]
    assert data["method"] == "update_states" and data["buffer_paths"] == [] and not answer["buffers"]
    states = data["states"]
    assert (states[slider]["model_name"], states[slider]["model_module"], states[slider]["model_module_version"]) \
        == ("IntSliderModel", "@jupyter-widgets/controls", "2.0.0")
    assert states[slider]["state"]["value"] == 8 and states[slider]["state"]["description"] == "n"
    assert states[checkbox]["model_name"] == "CheckboxModel" and states[checkbox]["state"]["value"] is True
    layout = states[slider]["state"]["layout"].removeprefix("IPY_MODEL_")
    assert states[layout]["model_name"] == "LayoutModel"
    assert comm_info(kc, target_name=CONTROL) == {control: {"target_name": CONTROL}}

    wait_for_idle_of(kc, send_comm(kc, "comm_close", {"comm_id": control, "data": {}}))
    assert comm_info(kc, target_name=CONTROL) == {}


# The fallback of front ends whose control comm fails: comm_info lists the widgets' comms, and request_state on
# one is answered, under the request, with an update holding its whole current state.
def test_request_state_is_answered_with_the_whole_state(kc):
    comm_id, _ = new_slider(kc, "asked", value=4)
    ok(kc, "asked.setValue(6);")
    assert comm_info(kc, target_name="jupyter.widget")[comm_id] == {"target_name": "jupyter.widget"}
    request = send_comm(kc, "comm_msg", {"comm_id": comm_id, "data": {"method": "request_state"}})
    (answer,) = wait_for_stray(kc, lambda m: m["msg_type"] == "comm_msg" and m["parent_header"].get("msg_id") == request)
    data = answer["content"]["data"]
    assert data["method"] == "update" and data["buffer_paths"] == []
    assert data["state"]["_model_name"] == "IntSliderModel" and data["state"]["value"] == 6


# A child process has no front end: creating a widget there fails, saying that a child cannot own a widget.
def test_a_child_process_cannot_own_a_widget(kc):
    out = ok(kc, "var child = new Process(() -> new IntSlider());\nchild.start();\nchild.join();\nchild.exitCode()",
             timeout=60)
    assert out.result == "1"
    assert "CommsUnavailableException" in out.stderr and "a child process cannot own a widget" in out.stderr


# `proclab run` has no front end: a widget shows its text form, and interact prints what its function prints.
def test_proclab_run_prints_the_text_form(tmp_path):
    notebook = proclab_notebook('var s = new IntSlider("n", 0, 10, 5);\ns',
                                'Widgets.interact(s, v -> System.out.println("v=" + v));')
    path = tmp_path / "widgets.ipynb"
    nbformat.write(notebook, path)
    result = subprocess.run(["java", "-jar", JAR, "run", str(path)], capture_output=True, text=True, timeout=300,
                            stdin=subprocess.DEVNULL, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'IntSlider(description="n", value=5, min=0, max=10)' in result.stdout
    assert "v=5" in result.stdout


# jupyter console has no widget manager: it prints a widget's text form.
def test_jupyter_console_prints_the_text_form(tmp_path):
    done = run_jupyter(["console", "--kernel", KERNEL_NAME, "--simple-prompt"], cwd=tmp_path,
                       stdin_text='new IntSlider("n", 0, 10, 5)\n', timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Out[1]: IntSlider(description="n", value=5, min=0, max=10)' in done.stdout, done.stdout


# nbconvert saves a shown widget as a valid notebook output: the view as a JSON object, the text beside it.
def test_nbconvert_saves_the_view(tmp_path):
    notebook = proclab_notebook("new Checkbox(\"verbose\", true)")
    nbformat.write(notebook, tmp_path / "widget.ipynb")
    done = run_jupyter(["nbconvert", "--to", "notebook", "--execute", "--output", "executed.ipynb",
                        str(tmp_path / "widget.ipynb")], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    executed = nbformat.read(tmp_path / "executed.ipynb", as_version=4)
    nbformat.validate(executed)
    (result,) = executed.cells[0].outputs
    assert result["data"][VIEW]["version_major"] == 2 and result["data"][VIEW]["model_id"]
    assert result["data"]["text/plain"] == 'Checkbox(description="verbose", value=true)'


# Where ipywidgets 8 is installed, every widget's state has exactly the keys of ipywidgets' own model, with its
# default values (the widgets are made with ipywidgets' defaults; references to layout and style aside).
def test_states_match_ipywidgets(kc):
    widgets = pytest.importorskip("ipywidgets", minversion="8")
    made = {"IntSlider": "new IntSlider()", "FloatSlider": "new FloatSlider()", "Dropdown": "new Dropdown(List.of())",
            "Button": "new Button()", "Checkbox": "new Checkbox()", "Text": "new Text()",
            "IntProgress": "new IntProgress(0, 100)", "Label": "new Label()", "HTML": "new HTML()",
            "Output": "new Output()", "HBox": "new HBox()", "VBox": "new VBox()"}
    for name, java in made.items():
        out = ok(kc, java + ";")
        python = getattr(widgets, name)()
        expected = python.get_state()
        opened = opened_widgets(out)
        ours = opened[expected["_model_name"]]["content"]["data"]["state"]
        assert set(ours) == set(expected), name
        for key in set(expected) - {"layout", "style"}:
            assert ours[key] == (list(expected[key]) if isinstance(expected[key], tuple) else expected[key]), (name, key)
        if hasattr(python, "style"):
            style = opened[python.style._model_name]["content"]["data"]["state"]
            assert style == python.style.get_state(), name
        layout = opened["LayoutModel"]["content"]["data"]["state"]
        assert layout == python.layout.get_state(), name
