package attentionbook.book;

import java.util.List;
import java.util.Map;

/**
 * {@code ```interview}: interview questions, each with a strong answer, a common wrong answer and
 * why that answer is wrong, the last three hidden until asked for.
 */
public final class InterviewDirective implements Directive {
    @Override
    public String render(Block block) {
        if (!block.argument().isEmpty()) {
            throw new DirectiveException("interview takes no argument, but got \"" + block.argument() + "\"");
        }
        StringBuilder html = new StringBuilder("<ol class=\"interview\">\n");
        for (Map<String, QuestionBlocks.Field> entry : QuestionBlocks.parse(block.body(), List.of("Q", "Strong", "Wrong", "Why"))) {
            html.append("<li class=\"interview-item\">\n<div class=\"question\">")
                    .append(QuestionBlocks.html(block, entry.get("Q")))
                    .append("</div>\n<details class=\"strong-answer\">\n<summary>A strong answer</summary>\n")
                    .append(QuestionBlocks.html(block, entry.get("Strong")))
                    .append("</details>\n<details class=\"wrong-answer\">\n<summary>A common wrong answer, and why it is wrong</summary>\n")
                    .append("<div class=\"wrong\"><p class=\"label\">Wrong:</p>")
                    .append(QuestionBlocks.html(block, entry.get("Wrong")))
                    .append("</div>\n<div class=\"why\"><p class=\"label\">Why it is wrong:</p>")
                    .append(QuestionBlocks.html(block, entry.get("Why")))
                    .append("</div>\n</details>\n</li>\n");
        }
        return html.append("</ol>").toString();
    }
}
