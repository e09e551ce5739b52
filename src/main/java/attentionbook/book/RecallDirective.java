package attentionbook.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ```recall}: "Pause and recall" questions whose answers stay hidden until the learner asks,
 * so the learner has to produce an answer first.
 */
public final class RecallDirective implements Directive {
    /** One question as book/recall.jte prints it: both parts already HTML, from the book's own markdown renderer. */
    public record Item(String question, String answer) {
    }

    @Override
    public String render(Block block) {
        if (!block.argument().isEmpty()) {
            throw new DirectiveException("recall takes no argument, but got \"" + block.argument() + "\"");
        }
        List<Item> items = new ArrayList<>();
        for (Map<String, QuestionBlocks.Field> entry : QuestionBlocks.parse(block.body(), List.of("Q", "A"))) {
            items.add(new Item(QuestionBlocks.html(block, entry.get("Q")), QuestionBlocks.html(block, entry.get("A"))));
        }
        return Templates.render("book/recall.jte", items);
    }
}
