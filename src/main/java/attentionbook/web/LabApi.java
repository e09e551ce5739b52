package attentionbook.web;

import attentionbook.book.Mappers;
import attentionbook.book.MatrixJson;
import attentionbook.model.Lab;
import attentionbook.model.LabRun;
import attentionbook.model.RunConfig;
import attentionbook.model.Task;
import attentionbook.model.TinyGpt;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The lab's training runs over HTTP.
 * <ul>
 *   <li>{@code POST /api/lab/runs} {task, seed, layers, heads, d_model, mlp, steps, lr, length, batch,
 *       snapshot_every} (all but
 *       task optional, the task's defaults otherwise): starts the run for that config, or finds the one already
 *       started by anyone: {id, status, position}.</li>
 *   <li>{@code GET /api/lab/runs/{id}[?since=STEP]}: status, position in the queue, step, loss, accuracy and the
 *       snapshots (after STEP).</li>
 *   <li>{@code GET /api/lab/runs/{id}/events}: the same as server-sent events while it trains: "status" when
 *       it changes, "snapshot" for each snapshot, "end" with the final status; then the stream closes.</li>
 *   <li>{@code GET /api/lab/runs/{id}/weights}: every parameter by state_dict name, with its shape.</li>
 *   <li>{@code GET /api/lab/runs/{id}/widgets}: the layers as states of the book's pipeline, multi-head
 *       and decode widgets on the probe ({@link LabWidgets}).</li>
 *   <li>{@code POST /api/lab/runs/{id}/predict} {"tokens": "312|"}: what a finished model predicts after each
 *       token, and each head's attention on that sequence, computed by the attention core.</li>
 * </ul>
 */
public final class LabApi implements Consumer<RoutesConfig> {
    /** Stricter than the API's limit: a run's config is a dozen small fields. */
    static final int MAX_BODY_BYTES = 4 * 1024;
    private static final String RUN_EXAMPLE = "{\"task\": \"reverse\"}";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    /** In the order a run's config is written, which is the order the message lists them in. */
    private static final List<String> FIELDS = List.of("task", "seed", "layers", "heads", "d_model", "mlp", "steps", "lr",
            "length", "batch", "snapshot_every");

    private final Lab lab;

    public LabApi(Lab lab) {
        this.lab = lab;
    }

    @Override
    public void accept(RoutesConfig routes) {
        routes.post("/api/lab/runs", ctx -> ApiResponses.ok(ctx, start(JsonBody.object(ctx, MAX_BODY_BYTES, RUN_EXAMPLE))));
        routes.get("/api/lab/runs/{id}", ctx -> ApiResponses.ok(ctx, LabJson.Status.of(lab, run(ctx), since(ctx.queryParam("since")))));
        routes.get("/api/lab/runs/{id}/weights", ctx -> {
            LabRun run = run(ctx);
            ApiResponses.ok(ctx, LabJson.Weights.of(run, finished(run)));
        });
        routes.get("/api/lab/runs/{id}/widgets", ctx -> {
            LabRun run = run(ctx);
            ApiResponses.ok(ctx, LabWidgets.of(run.config(), finished(run)));
        });
        routes.post("/api/lab/runs/{id}/predict", ctx -> {
            LabRun run = run(ctx);
            TinyGpt model = finished(run);
            JsonNode body = JsonBody.object(ctx, MAX_BODY_BYTES, "{\"tokens\": \"" + example(run.config().task()) + "\"}");
            ApiResponses.ok(ctx, LabJson.Prediction.of(run.config().task(), model, tokens(body, run.config())));
        });
        SseHandler events = new SseHandler(this::stream);
        routes.get("/api/lab/runs/{id}/events", ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new RejectedRequest(406, "this address is an event stream: ask with \"Accept: text/event-stream\""
                        + " (a browser's EventSource does), or poll GET /api/lab/runs/{id}");
            }
            events.handle(ctx);
        });
    }

    private LabJson.Created start(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw RejectedRequest.badRequest("unknown field \"" + name + "\": a run takes " + String.join(", ", FIELDS));
            }
        }
        JsonNode taskNode = body.get("task");
        if (taskNode == null || !taskNode.isTextual()) {
            throw RejectedRequest.badRequest("\"task\" is missing or not text: use one of copy, reverse, sort, previous-token, induction");
        }
        // Task.fromKey names the tasks, ConfigException the setting out of range: both answer 400 (ApiResponses.refusal)
        Task task = Task.fromKey(taskNode.textValue());
        RunConfig d = RunConfig.defaults(task);
        RunConfig config = d.withLength(integer(body, "length", d.length()))
                .withModel(integer(body, "layers", d.layers()), integer(body, "heads", d.heads()),
                        integer(body, "d_model", d.dModel()), MatrixJson.bool(body.get("mlp"), "mlp", d.mlp()))
                .withTraining(integer(body, "steps", d.steps()), integer(body, "batch", d.batch()), lr(body, d.lr()))
                .withSeed(integer(body, "seed", (int) d.seed()))
                .withSnapshotEvery(integer(body, "snapshot_every", d.snapshotEvery()));
        LabRun run = lab.start(config);     // LabBusyException answers 503
        Lab.Place place = lab.place(run);
        return new LabJson.Created(run.id(), place.status().key(), place.position() > 0 ? place.position() : null);
    }

    private LabRun run(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new RejectedRequest(404, "no lab run \"" + id + "\": a run's id is 64 hexadecimal digits, as POST /api/lab/runs answers");
        }
        return lab.find(id).orElseThrow(() -> new RejectedRequest(404,
                "no lab run " + id + " on this server: start it with POST /api/lab/runs and its config"));
    }

    private static TinyGpt finished(LabRun run) {
        return run.model().orElseThrow(() -> new RejectedRequest(409, "the run is " + run.status().key()
                + ": its trained weights are there once it is done"));
    }

    private static int since(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RejectedRequest.badRequest("\"since\" must be a whole number of steps, got \"" + text + "\"");
        }
    }

    /** The reader's sequence: one character a token ("312|" or "3 1 2 |"), at most the model's context. */
    private static int[] tokens(JsonNode body, RunConfig config) {
        JsonNode node = body.get("tokens");
        if (node == null || !node.isTextual()) {
            throw RejectedRequest.badRequest("\"tokens\" is missing or not text: send the sequence as one string, such as \""
                    + example(config.task()) + "\"");
        }
        String text = node.textValue().replaceAll("\\s+", "");
        Task task = config.task();
        if (text.isEmpty() || text.length() > config.context()) {
            throw RejectedRequest.badRequest("\"tokens\" must hold 1 to " + config.context() + " tokens (the model's context), got "
                    + text.length());
        }
        int[] tokens = new int[text.length()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = token(task, String.valueOf(text.charAt(i)), i);
        }
        return tokens;
    }

    private static int token(Task task, String text, int position) {
        for (int t = 0; t < task.vocabulary(); t++) {
            if (task.tokenText(t).equals(text)) {
                return t;
            }
        }
        StringBuilder vocabulary = new StringBuilder();
        for (int t = 0; t < task.vocabulary(); t++) {
            vocabulary.append(t == 0 ? "" : " ").append(task.tokenText(t));
        }
        throw RejectedRequest.badRequest("token " + (position + 1) + ", \"" + text + "\", is not in the " + task.key()
                + " task's vocabulary: " + vocabulary);
    }

    private static String example(Task task) {
        return switch (task) {
            case INDUCTION -> "abcdxyabc";
            case PREVIOUS_TOKEN -> "31415926";
            default -> "3142|1234";
        };
    }

    private static int integer(JsonNode body, String field, int fallback) {
        return MatrixJson.integer(body.get(field), field, fallback);
    }

    private static double lr(JsonNode body, double fallback) {
        JsonNode lr = body.get("lr");
        return lr == null || lr.isNull() ? fallback : MatrixJson.number(lr, "\"lr\"");
    }

    /** Sends what the run has, then each snapshot as it comes, until the run ends or the reader leaves. */
    private void stream(SseClient client) {
        LabRun run;
        try {
            run = run(client.ctx());
        } catch (RejectedRequest e) {
            client.sendEvent("error", json(Map.of("error", e.getMessage())));
            return;
        }
        BlockingQueue<Object> events = run.subscribe();
        try {
            String lastStatus = "";
            while (!client.terminated()) {
                Object event = events.poll(1, TimeUnit.SECONDS);
                if (event == LabRun.END) {
                    client.sendEvent("end", json(LabJson.Status.of(lab, run, Integer.MAX_VALUE).brief()));
                    break;
                }
                if (event instanceof attentionbook.model.Snapshot snapshot) {
                    client.sendEvent("snapshot", json(LabJson.SnapshotJson.of(run.config().task(), snapshot)));
                }
                String status = json(LabJson.Status.of(lab, run, Integer.MAX_VALUE).brief());
                if (!status.equals(lastStatus)) {
                    client.sendEvent("status", status);
                    lastStatus = status;
                } else if (event == null) {
                    client.sendComment("waiting");   // finds a reader who has gone away
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            run.unsubscribe(events);
        }
    }

    private static String json(Object value) {
        try {
            return Mappers.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lab answer could not be written as JSON", e);
        }
    }
}
