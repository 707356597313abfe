package org.proclab.course;

/**
 * A prediction a student wrote down, with the moment it was noted, made by {@link Check#predict}.
 * {@link Check#predictedBeforeRun} passes when a process ran after that moment: the prediction came
 * before the run that shows the truth. It does not need to be right; guessing first and then looking
 * is the exercise.
 *
 * @param question what was asked
 * @param answer the student's answer; null (or blank text) while there is none
 * @param notedAt {@link System#nanoTime()} when it was noted
 */
public record Prediction<T>(String question, T answer, long notedAt) {
    /** Whether an answer was written: not null, and not blank when it is text. */
    public boolean answered() {
        return answer != null && !(answer instanceof CharSequence text && text.toString().isBlank());
    }
}
