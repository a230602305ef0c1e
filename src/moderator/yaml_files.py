"""Reading a YAML file people edit by hand: within a size and nesting limit, a key given
twice refused, and every problem said as one ``file:line: cannot read …`` message.

The config file and the sample authority's ``users.yaml`` and ``samples.yaml`` are read
here, so each refuses the same mistakes in the same words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from moderator.errors import BadInput


class UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice in one mapping.

    Plain YAML keeps the last of two ``user:`` lines without a word; a file
    that says two things is refused at the second, naming the key.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue  # a complex key (refused later), or `<<:` whose keys may be overridden
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {str(key)!r} (first at line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def load_yaml_file(path: Path, limit: int, what: str, kind: str) -> Any:
    """``path``'s YAML (at most ``limit`` bytes), or BadInput ``path:line: cannot read {what}: …``.

    ``kind`` names the file where it is not read at all ("too big for a {kind}").
    """
    from moderator.domain.limits import MAX_DEPTH, read_capped

    data = read_capped(path, limit, kind)
    try:
        text = data.decode("utf-8-sig")
        depth = 0
        # YAML's events come from a state machine: measuring nesting this way cannot recurse.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else 1
                    raise BadInput(
                        f"{path}:{line}: cannot read {what}: nested more than {MAX_DEPTH} levels"
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.load(text, Loader=UniqueKeyLoader)  # a SafeLoader
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadInput(
            f"{path}:{line}: cannot read {what}: not UTF-8 text ({exc.reason})"
        ) from None
    except yaml.reader.ReaderError as exc:  # a control character: say on which line
        line = text.count("\n", 0, exc.position) + 1
        raise BadInput(
            f"{path}:{line}: cannot read {what}: control character U+{exc.character:04X}"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise BadInput(f"{path}:{line}: cannot read {what}: {exc.problem or exc}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise BadInput(f"{path}: cannot read {what}: {exc}") from None
