package attentionbook.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ```interview}: interview questions, each with a strong answer, a common wrong answer and
 * why that answer is wrong, the last three hidden until asked for.
 */
public final class InterviewDirective implements Directive {
    /** One question as book/interview.jte prints it: each part already HTML, from the book's own markdown renderer. */
    public record Item(String question, String strong, String wrong, String why) {
    }

    @Override
    public String render(Block block) {
        if (!block.argument().isEmpty()) {
            throw new DirectiveException("interview takes no argument, but got \"" + block.argument() + "\"");
        }
        List<Item> items = new ArrayList<>();
        for (Map<String, QuestionBlocks.Field> entry : QuestionBlocks.parse(block.body(), List.of("Q", "Strong", "Wrong", "Why"))) {
            items.add(new Item(QuestionBlocks.html(block, entry.get("Q")), QuestionBlocks.html(block, entry.get("Strong")),
                    QuestionBlocks.html(block, entry.get("Wrong")), QuestionBlocks.html(block, entry.get("Why"))));
        }
        return Templates.render("book/interview.jte", items);
    }
}
