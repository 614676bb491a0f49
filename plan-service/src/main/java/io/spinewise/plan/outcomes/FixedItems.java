package io.spinewise.plan.outcomes;

import io.spinewise.common.problem.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The check shared by instruments whose items are fixed: every item answered once, within its options. */
final class FixedItems {

    private FixedItems() {
    }

    static List<Problem.Violation> check(List<Item> items, List<ItemAnswer> answers) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ItemAnswer answer : answers) {
            Item item = items.stream().filter(i -> i.id().equals(answer.item())).findFirst().orElse(null);
            String field = field(answer.item());
            if (item == null) {
                violations.add(new Problem.Violation(field, "is not an item of this questionnaire"));
            } else if (!seen.add(item.id())) {
                violations.add(new Problem.Violation(field, "is answered more than once"));
            } else if (item.options().stream().noneMatch(o -> o.value() == answer.value())) {
                violations.add(new Problem.Violation(field, "must be one of " + range(item)));
            } else if (answer.activity() != null) {
                violations.add(new Problem.Violation(field, "takes no activity"));
            }
        }
        for (Item item : items) {
            if (!seen.contains(item.id())) {
                violations.add(new Problem.Violation(field(item.id()), "is not answered"));
            }
        }
        return violations;
    }

    static String field(String item) {
        return "answers." + item;
    }

    static String range(Item item) {
        List<Item.AnswerOption> options = item.options();
        return options.get(0).value() + ".." + options.get(options.size() - 1).value();
    }

    static int value(List<ItemAnswer> answers, String item) {
        return answers.stream().filter(a -> a.item().equals(item)).findFirst().orElseThrow().value();
    }
}
