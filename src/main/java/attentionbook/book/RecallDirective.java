package attentionbook.book;

import java.util.List;
import java.util.Map;

/**
 * {@code ```recall}: "Pause and recall" questions whose answers stay hidden until the learner asks,
 * so the learner has to produce an answer first.
 */
public final class RecallDirective implements Directive {
    @Override
    public String render(Block block) {
        if (!block.argument().isEmpty()) {
            throw new DirectiveException("recall takes no argument, but got \"" + block.argument() + "\"");
        }
        StringBuilder html = new StringBuilder("<ol class=\"recall\">\n");
        for (Map<String, QuestionBlocks.Field> entry : QuestionBlocks.parse(block.body(), List.of("Q", "A"))) {
            html.append("<li class=\"recall-item\">\n<div class=\"question\">")
                    .append(QuestionBlocks.html(block, entry.get("Q")))
                    .append("</div>\n<details class=\"answer\">\n<summary>Show the answer</summary>\n")
                    .append(QuestionBlocks.html(block, entry.get("A")))
                    .append("</details>\n</li>\n");
        }
        return html.append("</ol>").toString();
    }
}
