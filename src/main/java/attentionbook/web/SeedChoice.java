package attentionbook.web;

import attentionbook.exercise.Seeds;
import io.javalin.http.Context;


/**
 * Which numbers a request wants: {@code ?seed=N}, or {@code ?student=NAME} (a stable seed per
 * student), or neither. An explicit seed wins; the student is kept for the sheet's header.
 */
record SeedChoice(long seed, String student, boolean chosen) {

    static SeedChoice from(Context ctx) {
        String seedText = ctx.queryParam("seed");
        String studentText = ctx.queryParam("student");
        String student = null;
        if (studentText != null) {
            try {
                student = Seeds.normalStudent(studentText);
            } catch (IllegalArgumentException e) {
                throw RejectedRequest.badRequest("\"student\": " + e.getMessage());
            }
        }
        if (seedText != null) {
            try {
                return new SeedChoice(Seeds.parse(seedText), student, true);
            } catch (IllegalArgumentException e) {
                throw RejectedRequest.badRequest("\"seed\": " + e.getMessage());
            }
        }
        if (student != null) {
            return new SeedChoice(Seeds.forStudent(student), student, true);
        }
        return new SeedChoice(Seeds.DEFAULT, null, false);
    }

    /**
     * A sheet's numbers under the course's policy. With seed_policy student a sheet is a student's:
     * a seed alone is refused, and so is a seed that is not the named student's; the instructor may
     * print any sheet.
     */
    static SeedChoice forSheet(Context ctx, SeedPolicy policy, boolean instructor) {
        SeedChoice choice = from(ctx);
        if (!policy.perStudent() || instructor || !choice.chosen()) {
            return choice;
        }
        if (choice.student() == null) {
            throw RejectedRequest.badRequest("this course gives each student their own numbers, made from their name or ID:"
                    + " give ?student=NAME instead of a seed");
        }
        long theirs = Seeds.forStudent(choice.student());
        if (choice.seed() != theirs) {
            throw RejectedRequest.badRequest("the numbers " + choice.seed() + " are not " + choice.student() + "'s (theirs are "
                    + theirs + "): this course gives each student their own numbers, so leave the seed out");
        }
        return choice;
    }
}
