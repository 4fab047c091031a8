"""Tests of lib/release.py (the Procfile and the merge) and lib/release_yaml.py (bin/release's YAML).

Standard library only, so they run wherever bin/build runs: in the build image (test/run.sh runs them
there as the case `release-parsing`) and on a developer's machine:

    python3 buildpacks/test/release_test.py [-v]
"""
import json
import shutil
import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib")
sys.path.insert(0, LIB)
import release  # noqa: E402
from release_yaml import YamlError, load  # noqa: E402


class Files:
    """A scratch folder for one test."""

    def __init__(self, test):
        self.dir = tempfile.mkdtemp()
        test.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def write(self, name, text, mode="w"):
        path = os.path.join(self.dir, name)
        with open(path, mode) as f:
            f.write(text)
        return path

    def path(self, name):
        return os.path.join(self.dir, name)


class ProcfileTest(unittest.TestCase):
    def procfile(self, text, mode="w"):
        return release.read_procfile(Files(self).write("Procfile", text, mode))

    def refusal(self, text, mode="w"):
        with self.assertRaises(release.Refused) as caught:
            self.procfile(text, mode)
        return str(caught.exception)

    def test_reads_one_type_per_line(self):
        self.assertEqual(self.procfile("web: node server.js\nworker: node worker.js\n"),
                         {"web": "node server.js", "worker": "node worker.js"})

    def test_skips_comments_and_blank_lines_anywhere(self):
        text = "# the processes\n\nweb: node server.js\n   \n  # indented comment\nworker: ./work\n\n"
        self.assertEqual(self.procfile(text), {"web": "node server.js", "worker": "./work"})

    def test_keeps_colons_in_the_command(self):
        self.assertEqual(self.procfile("web: gunicorn -b 0.0.0.0:$PORT app:wsgi\nclock: env TZ=UTC:0 ./clock\n"),
                         {"web": "gunicorn -b 0.0.0.0:$PORT app:wsgi", "clock": "env TZ=UTC:0 ./clock"})

    def test_keeps_quotes_verbatim_for_the_shell(self):
        self.assertEqual(self.procfile("""web: bash -c "echo 'a: b' && exec ./server"\nq: 'quoted'\n"""),
                         {"web": """bash -c "echo 'a: b' && exec ./server\"""", "q": "'quoted'"})

    def test_keeps_a_trailing_hash_as_part_of_the_command(self):
        self.assertEqual(self.procfile("web: ./server # the shell drops this\n"),
                         {"web": "./server # the shell drops this"})

    def test_allows_no_space_after_the_colon_and_spaces_before_it(self):
        self.assertEqual(self.procfile("web:./server\nworker   :  ./w  \n"), {"web": "./server", "worker": "./w"})

    def test_reads_crlf_line_ends_and_a_byte_order_mark(self):
        self.assertEqual(self.procfile("\ufeffweb: ./server\r\nworker: ./w\r\n", mode="w"),
                         {"web": "./server", "worker": "./w"})

    def test_accepts_letters_digits_dashes_and_underscores_in_a_type(self):
        self.assertEqual(self.procfile("Web-2_x: ./a\n"), {"Web-2_x": "./a"})

    def test_uses_the_last_of_two_lines_for_one_type_and_warns(self):
        out = Files(self).path("out")
        with open(out, "w") as captured:
            saved, sys.stdout = sys.stdout, captured
            try:
                types = self.procfile("web: ./one\nweb: ./two\n")
            finally:
                sys.stdout = saved
        self.assertEqual(types, {"web": "./two"})
        with open(out) as f:
            self.assertIn("Procfile declares 'web' twice; the last one (line 2) is used", f.read())

    def test_an_empty_procfile_declares_nothing(self):
        self.assertEqual(self.procfile("# nothing yet\n"), {})

    def test_no_procfile_is_none(self):
        self.assertIsNone(release.read_procfile(Files(self).path("Procfile")))

    def test_refuses_a_line_without_a_colon_naming_it(self):
        self.assertEqual(self.refusal("# c\nweb node server.js\n"),
                         "Procfile line 2 is not 'type: command': web node server.js")

    def test_refuses_a_type_without_a_command(self):
        self.assertIn("line 1 is not 'type: command'", self.refusal("web:   \n"))

    def test_refuses_a_type_with_other_characters(self):
        self.assertIn("line 1 is not 'type: command'", self.refusal("web.1: ./a\n"))
        self.assertIn("line 1 is not 'type: command'", self.refusal("my web: ./a\n"))

    def test_refuses_a_type_longer_than_128_characters(self):
        self.assertIn("line 1: process type", self.refusal("w" * 129 + ": ./a\n"))
        self.assertEqual(self.procfile("w" * 128 + ": ./a\n"), {"w" * 128: "./a"})

    def test_refuses_a_procfile_that_is_not_utf8(self):
        self.assertEqual(self.refusal(b"web: caf\xe9\n", mode="wb"), "Procfile is not UTF-8 text")


class ReleaseYamlTest(unittest.TestCase):
    def refusal(self, text):
        with self.assertRaises(YamlError) as caught:
            load(text)
        return str(caught.exception)

    def test_reads_what_heroku_buildpacks_print(self):
        text = ("---\naddons:\n  - heroku-postgresql:mini\nconfig_vars:\n  RAILS_ENV: production\n"
                "default_process_types:\n  web: bundle exec rails server -p ${PORT:-5000} -e $RAILS_ENV\n"
                "  console: bin/rails console\n")
        self.assertEqual(load(text), {
            "addons": ["heroku-postgresql:mini"], "config_vars": {"RAILS_ENV": "production"},
            "default_process_types": {"web": "bundle exec rails server -p ${PORT:-5000} -e $RAILS_ENV",
                                      "console": "bin/rails console"}})

    def test_reads_a_list_at_its_keys_indentation(self):
        self.assertEqual(load("addons:\n- a\n- 'b c'\nother: x\n"), {"addons": ["a", "b c"], "other": "x"})

    def test_reads_nested_block_mappings(self):
        self.assertEqual(load("a:\n    b:\n      c: d\n    e: f\ng: h\n"), {"a": {"b": {"c": "d"}, "e": "f"}, "g": "h"})

    def test_reads_flow_collections_on_a_line(self):
        text = "addons: [fixture-addon:free, 'b, c']\ndefault_process_types: {web: \"x $PORT\", w: y}\n"
        self.assertEqual(load(text), {"addons": ["fixture-addon:free", "b, c"],
                                      "default_process_types": {"web": "x $PORT", "w": "y"}})
        self.assertEqual(load("a: {}\nb: []\n"), {"a": {}, "b": []})

    def test_reads_rubys_empty_document(self):
        self.assertEqual(load("--- {}\n"), {})
        self.assertIsNone(load("---\n"))
        self.assertIsNone(load(""))

    def test_reads_json_on_one_line_or_pretty_printed_with_escapes(self):
        doc = {"default_process_types": {"web": "node caf\u00e9 \U0001F600 \"q\" \\ # x"}, "addons": []}
        self.assertEqual(load(json.dumps(doc)), doc)
        self.assertEqual(load(json.dumps(doc, indent="\t") + "\n"), doc)
        self.assertEqual(load('{"addons": [\n  "a #1", "b #2"  # a comment\n]}\n'), {"addons": ["a #1", "b #2"]})

    def test_strips_comments_but_not_a_hash_inside_quotes_or_words(self):
        text = ("# printed by bin/release\ndefault_process_types:  # the types\n"
                "  web: ./server --tag=a#b  # a comment\n  q: \"sh -c \\\"a # b\\\"\"\n  s: 'it''s # here'\n")
        self.assertEqual(load(text), {"default_process_types": {
            "web": "./server --tag=a#b", "q": 'sh -c "a # b"', "s": "it's # here"}})

    def test_a_quote_inside_a_plain_value_does_not_hide_a_comment_as_in_yaml(self):
        self.assertEqual(load('web: echo "a # b"\n'), {"web": 'echo "a'})

    def test_reads_every_scalar_as_text(self):
        self.assertEqual(load("on: yes\nw: 010\nc: 1.50\nn: ~\ne:\nq: 'null'\n"),
                         {"on": "yes", "w": "010", "c": "1.50", "n": None, "e": None, "q": "null"})

    def test_allows_colon_space_in_a_plain_value(self):
        self.assertEqual(load("web: java -Dgreeting=a: b -jar app.jar\n"), {"web": "java -Dgreeting=a: b -jar app.jar"})

    def test_reads_crlf_and_quoted_keys(self):
        self.assertEqual(load("\"web\": a\r\n'w x': b\r\n"), {"web": "a", "w x": "b"})

    def test_refuses_block_scalars(self):
        self.assertIn("line 2: block scalars", self.refusal("default_process_types:\n  web: |\n    ./server\n"))
        self.assertIn("line 1: block scalars", self.refusal("web: >-\n  ./server\n"))

    def test_refuses_tabs_in_the_indentation(self):
        self.assertEqual(self.refusal("default_process_types:\n\tweb: x\n"),
                         "line 2: a tab in the indentation (YAML indents with spaces)")

    def test_refuses_a_line_it_cannot_place(self):
        self.assertEqual(self.refusal("a: 1\n  b: 2\n"), "line 2: unexpected indentation at: b: 2")
        self.assertIn("line 3: unexpected indentation", self.refusal("a:\n    b: 1\n  c: 2\n"))
        self.assertIn("line 1: expected 'key: value', got: just words", self.refusal("just words\n"))

    def test_refuses_mappings_inside_a_list(self):
        self.assertIn("line 2: mappings inside a list are not supported", self.refusal("addons:\n  - name: pg\n"))

    def test_refuses_anchors_aliases_and_tags(self):
        for text in ("a: &x 1\n", "a: *x\n", "a: !!str 1\n", "&k a: 1\n", "%YAML 1.1\n---\na: 1\n"):
            with self.subTest(text=text):
                self.assertIn("not supported", self.refusal(text))

    def test_refuses_a_second_document_and_text_after_the_end(self):
        self.assertIn("line 2: a second YAML document", self.refusal("a: 1\n---\nb: 2\n"))
        self.assertIn("line 3: text after the end", self.refusal("a: 1\n...\nb: 2\n"))

    def test_refuses_broken_quotes_and_flow_collections(self):
        self.assertIn("line 1: an unterminated quoted string", self.refusal('web: "./server\n'))
        self.assertIn("line 1: unexpected text after a value", self.refusal('web: "./a" ./b\n'))
        self.assertIn("line 1: expected '}'", self.refusal("a: {web: x\n"))
        self.assertIn("line 1: an unknown escape \\q", self.refusal('a: "\\q"\n'))
        self.assertIn("nested too deeply", self.refusal("[" * 5000 + "]" * 5000))

    def test_reads_what_the_shipped_buildpacks_print_for_any_command(self):
        # common.sh's release_yaml writes the shipped buildpacks' bin/release output.
        common = os.path.join(LIB, "common.sh")
        for command in ['node server.js', 'java $JAVA_OPTS -jar "target/a b.jar"', 'sh -c "a # b" \\ c',
                        "echo 'it''s': x", "caf\u00e9 -x=1:2"]:
            with self.subTest(command=command):
                out = subprocess.run(["bash", "-c", 'source "$1" && release_yaml web "$2"', "-", common, command],
                                     check=True, capture_output=True, text=True).stdout
                self.assertEqual(load(out), {"addons": [], "default_process_types": {"web": command}})
        out = subprocess.run(["bash", "-c", 'source "$1" && release_yaml', "-", common],
                             check=True, capture_output=True, text=True).stdout
        self.assertEqual(load(out), {"addons": [], "default_process_types": {}})


class ReleaseMainTest(unittest.TestCase):
    """release.py as bin/build runs it."""

    def run_release(self, procfile, *releases):
        files = Files(self)
        args = [sys.executable, os.path.join(LIB, "release.py"), "--types-out", files.path("types.json"),
                "--info-out", files.path("info.json"), "--description", "Test", "--profile-dir", files.dir,
                "--procfile", files.write("Procfile", procfile) if procfile is not None else files.path("Procfile")]
        args += [files.write(f"release-{i}.yml", text) for i, text in enumerate(releases, 1)]
        result = subprocess.run(args, capture_output=True, text=True)
        self.assertEqual(os.listdir(LIB).count("__pycache__"), 0, "no bytecode next to the buildpacks")
        return result, files

    def json(self, files, name):
        with open(files.path(name)) as f:
            return json.load(f)

    def test_the_procfile_overrides_the_last_buildpacks_defaults_key_by_key(self):
        result, files = self.run_release("web: ./mine\nworker: ./w\n", "default_process_types: {web: ./first}\n",
                                         "---\naddons: [pg]\ndefault_process_types:\n  web: ./theirs\n  clock: ./c\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.json(files, "types.json"), {"web": "./mine", "worker": "./w", "clock": "./c"})
        self.assertEqual(self.json(files, "info.json")["addons"], ["pg"])
        self.assertIn("Procfile declares types -> web, worker", result.stdout)
        self.assertIn("Default types for buildpack -> web, clock", result.stdout)

    def test_config_vars_of_every_buildpack_become_overridable_defaults(self):
        result, files = self.run_release(None, "config_vars: {A: one, B: \"it's\"}\n", "config_vars:\n  A: two\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(files.path("00_config_vars.sh")) as f:
            script = f.read()
        self.assertIn("[ -n \"${A+x}\" ] || export A=two\n", script)
        self.assertIn("[ -n \"${B+x}\" ] || export B='it'\"'\"'s'\n", script)
        self.assertIn("No process types found", result.stdout)

    def test_a_bad_procfile_fails_with_a_message_naming_the_line(self):
        result, _ = self.run_release("web: ./a\nworker ./w\n", "default_process_types: {}\n")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, " !     Procfile line 2 is not 'type: command': worker ./w\n")

    def test_unreadable_release_yaml_fails_naming_the_buildpack_and_line(self):
        result, _ = self.run_release("web: ./a\n", "", "default_process_types:\n  web: |\n    ./a\n")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, " !     bin/release of buildpack 2 printed YAML that cannot be read: "
                                        "line 2: block scalars (| and >) are not supported in release output\n")

    def test_release_output_that_is_not_a_mapping_fails(self):
        result, _ = self.run_release(None, "- web\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("bin/release of buildpack 1 did not print a YAML mapping", result.stderr)

    def test_a_default_type_that_is_not_a_command_fails(self):
        result, _ = self.run_release(None, "default_process_types:\n  web: [a, b]\n")
        self.assertEqual(result.returncode, 1)
        self.assertIn("bin/release: bad default process type 'web'", result.stderr)


if __name__ == "__main__":
    unittest.main()
