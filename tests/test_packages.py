"""The README's apt-get command installs exactly the packages of packages/apt-test.txt, the list that
.ci/run installs and ./proclab names when one is missing."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent


def readme_apt_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^sudo apt-get install (.*?)$(?<!\\)", readme, re.MULTILINE | re.DOTALL)
    assert command, "the README has no 'sudo apt-get install' command"
    return command.group(1).replace("\\\n", " ").split()


def test_readme_installs_the_test_package_list():
    listed = (ROOT / "packages" / "apt-test.txt").read_text(encoding="utf-8").split()
    assert readme_apt_command() == listed
