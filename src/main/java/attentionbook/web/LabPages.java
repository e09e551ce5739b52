package attentionbook.web;

import attentionbook.model.Task;
import io.javalin.config.RoutesConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The lab page at {@code /lab}: rendered once at start-up, like the chapters; training happens through {@link LabApi}. */
public final class LabPages implements Consumer<RoutesConfig> {
    /** The chapter that explains the lab, linked from it when the book has it. */
    static final String CHAPTER = "training-the-weights";

    private final PreparedBody page;

    public LabPages(Pages pages) {
        List<LabTask> tasks = new ArrayList<>();
        for (Task task : Task.values()) {
            tasks.add(LabTask.of(task));
        }
        ChapterLink chapter = pages.site().toc().stream().filter(l -> l.slug().equals(CHAPTER)).findFirst().orElse(null);
        this.page = Pages.page("lab.jte", new LabPage(pages.site(), List.copyOf(tasks), chapter));
    }

    @Override
    public void accept(RoutesConfig routes) {
        BookServer.getAndHead(routes, "/lab", ctx -> page.send(ctx, "no-cache"));
    }
}
