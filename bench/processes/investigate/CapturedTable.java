import java.util.ArrayList;
import java.util.List;
import org.proclab.mp.Pool;

/**
 * A map whose function captures a 4 MB table: 400 chunks of one item on Pool(2), four times. Shows
 * what sending the function costs, since a captured value travels with it. Run it with the jar on
 * the class path: {@code java -cp proclab-app/target/proclab-mp.jar:. CapturedTable}.
 */
public class CapturedTable {
    public static void main(String[] args) throws Exception {
        int[] table = new int[1_000_000];
        for (int i = 0; i < table.length; i++) {
            table[i] = i * 3;
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(i * 1000);
        }
        try (Pool pool = new Pool(2)) {
            for (int round = 0; round < 4; round++) {
                long started = System.nanoTime();
                pool.map(x -> table[x], items, 1);
                System.out.printf("%.0f ms ", (System.nanoTime() - started) / 1e6);
            }
        }
        System.out.println();
    }
}
