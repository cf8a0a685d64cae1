package app;

import dev.cfc.dsl.Container;
import dev.cfc.dsl.ContainerDefinition;
import dev.cfc.dsl.ContainerSet;
import dev.cfc.dsl.Image;
import java.util.List;

/** The media Worker's containers. */
public final class MediaContainers implements ContainerSet {
  @Override
  public List<ContainerDefinition> containers() {
    return List.of(
        Container.define("transcoder")
            .image(Image.build("containers/transcoder"))
            .buildArg("QUOTES", "say \"hi\" and 'bye' \"\"\" '''")
            .buildArg("BACKSLASHES", "C:\\tools\\ffmpeg\\ \\\" \\u0041 \\n")
            .buildArg("NEWLINES", "line 1\nline 2\r\nline 3\ttabbed")
            .buildArg("TEMPLATE", "${HOME} `id` $(id) #{x} {{x}}")
            .buildArg("COMMENTS", "*/ /* // # -- ]] }")
            .buildArg("UNICODE", "caf\u00e9 \u2615 \u65e5\u672c \ud83d\ude80 \u2028\u2029 \u0001\u007f")
            .defaultPort(8080)
            .env("QUOTES", "say \"hi\" and 'bye' `tick`")
            .env("BACKSLASHES", "C:\\tools\\ \\\" \\u0041")
            .env("NEWLINES", "line 1\nline 2\r\n\ttabbed")
            .env("TEMPLATE", "${process.env.SECRET} `${x}` $(id)")
            .env("COMMENTS", "*/ /* // <!-- </script>")
            .env("UNICODE", "caf\u00e9 \ud83d\ude80 \u2028\u2029 \u0000\u001f")
            .label("team", "media \"core\" \\ ${x} */ \u2028 caf\u00e9")
            .label("note", "line 1\nline 2")
            .build());
  }
}
