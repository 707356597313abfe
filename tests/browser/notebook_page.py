"""A notebook open in JupyterLab 4 or Notebook 7, as a student works it: the cells, the Run menu, the stop
button. Every step waits for what the page shows next (Playwright's locators), never for a fixed time."""
import re

from playwright.sync_api import expect

# The MIME type JupyterLab gives both stderr and a cell's error (its traceback) in the page.
STDERR = '[data-mime-type="application/vnd.jupyter.stderr"]'
FINISHED_PROMPT = re.compile(r"\[\d+\]:")
STARTED_PROMPT = re.compile(r"\[(\*|\d+)\]:")
KERNEL_DISPLAY_NAME = "Java (ProcLab)"
# Counts, in every page, the kernel_info replies that arrive on kernel websockets. A front end asks for one
# as it connects to a notebook's kernel (again after a restart) and drops a cell run, without a word, until
# it has the kernel; the toolbar names the kernel before that.
COUNT_KERNEL_ANSWERS = """
window.kernelAnswers = 0;
window.WebSocket = class extends window.WebSocket {
    constructor(url, ...rest) {
        super(url, ...rest);
        if (String(url).includes("/api/kernels/")) {
            this.addEventListener("message", event => {
                const text = typeof event.data === "string" ? event.data
                    : event.data instanceof ArrayBuffer ? new TextDecoder().decode(event.data) : "";
                if (text.includes('"kernel_info_reply"')) {
                    window.kernelAnswers += 1;
                }
            });
        }
    }
};
"""


class NotebookPage:
    """One notebook in a tab; cells are counted among the code cells, from 0."""

    def __init__(self, page):
        self.page = page

    def open(self, address):
        """Goes to the notebook and waits until it has its ProcLab kernel."""
        self.page.goto(address)
        return self.wait_for_kernel()

    def wait_for_kernel(self):
        """Waits until the notebook has the ProcLab kernel: named in the toolbar, and answering on its socket.
        The page's context runs COUNT_KERNEL_ANSWERS."""
        expect(self.page.locator(".jp-NotebookPanel-toolbar .jp-KernelName")).to_have_text(KERNEL_DISPLAY_NAME)
        self.page.wait_for_function("() => window.kernelAnswers > 0")
        return self

    def cell(self, index):
        return self.page.locator(".jp-Notebook .jp-CodeCell").nth(index)

    def output(self, index):
        return self.cell(index).locator(".jp-OutputArea")

    def result(self, index):
        """The value the cell ended with (its execute_result)."""
        return self.output(index).locator(".jp-OutputArea-executeResult .jp-OutputArea-output")

    def start(self, index):
        """Selects the cell by its prompt and presses Shift+Enter; waits until the cell is running or ran."""
        prompt = self.cell(index).locator(".jp-InputArea-prompt")
        prompt.click()
        self.page.keyboard.press("Shift+Enter")
        expect(prompt, "the front end did not run the cell").to_have_text(STARTED_PROMPT)

    def run(self, index):
        """Runs the cell and waits until its prompt shows an execution count."""
        self.start(index)
        self.wait_finished(index)

    def wait_finished(self, index):
        expect(self.cell(index).locator(".jp-InputArea-prompt")).to_have_text(FINISHED_PROMPT)

    def run_all(self):
        """Run ▸ Run All Cells, then waits until every cell whose code shows has an execution count and the
        notebook's execution indicator has no cell left to run (a cell with hidden code shows no count)."""
        self.page.get_by_role("menuitem", name="Run", exact=True).click()
        self.page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()
        for prompt in self.page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt").all():
            expect(prompt).to_have_text(FINISHED_PROMPT)
        expect(self.page.locator(".jp-Notebook-ExecutionIndicator")).to_have_attribute("data-status", "idle")

    def save(self):
        """File ▸ Save Notebook; waits until the server answered the save (the notebook is on disk)."""
        self.page.get_by_role("menuitem", name="File", exact=True).click()
        with self.page.expect_response(lambda response: response.request.method == "PUT"
                                       and "/api/contents/" in response.url) as saved:
            self.page.locator('.lm-Menu-item[data-command="docmanager:save"]').click()
        assert saved.value.ok, f"saving the notebook failed: {saved.value.status} {saved.value.text()}"

    def interrupt(self):
        """The stop button of the notebook's toolbar."""
        self.page.locator('jp-button[data-command="notebook:interrupt-kernel"]').click()

    def restart(self):
        """The restart button of the notebook's toolbar, confirmed in its dialog; waits for the kernel's
        answer on its socket (the old kernel's answer counted too)."""
        answers = self.page.evaluate("() => window.kernelAnswers")
        self.page.locator('jp-button[data-command="notebook:restart-kernel"]').click()
        self.page.locator(".jp-Dialog-button.jp-mod-accept").click()
        self.page.wait_for_function("before => window.kernelAnswers > before", arg=answers)

    def errors(self, index=None):
        """The error and stderr outputs of the cell, or of the whole notebook."""
        where = self.page.locator(".jp-Notebook") if index is None else self.output(index)
        return where.locator(f".jp-OutputArea-output{STDERR}")
