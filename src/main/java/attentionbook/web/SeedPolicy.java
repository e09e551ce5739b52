package attentionbook.web;

import attentionbook.exercise.Seeds;

import java.util.Locale;

/**
 * How an exercise's numbers are chosen when the address names no seed, as the course file sets it:
 * open (each learner's own random numbers), class (the course's one seed for everybody) or student
 * (derived from the name or ID a learner gives). Pages tell the browser through body attributes.
 * Under the student policy a learner's numbers are fixed: pages offer no "New numbers" and ignore a
 * seed in their address, and sheets refuse one (an instructor's key lifts that, for printing any sheet).
 */
public record SeedPolicy(String name, long classSeed) {
    public static final SeedPolicy OPEN = new SeedPolicy("open", 0);

    public SeedPolicy {
        name = name.toLowerCase(Locale.ROOT);
        if (!name.equals("open") && !name.equals("class") && !name.equals("student")) {
            throw new IllegalArgumentException("a seed policy is open, class or student, not " + name);
        }
    }

    /** True under seed_policy student: a student's numbers are theirs alone, so no page offers others. */
    public boolean perStudent() {
        return name.equals("student");
    }

    /** The seed of a sheet or exercise nobody chose: the class seed, or a fresh one. */
    long unchosenSeed() {
        return name.equals("class") ? classSeed : Seeds.random();
    }
}
