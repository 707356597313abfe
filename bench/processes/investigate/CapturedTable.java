import java.util.*;
import org.proclab.mp.Pool;
/**
 * A map whose function captures a 4 MB table, 400 chunks of one item on Pool(2): how much it costs to
 * send the function. Run with the jar on the class path: `java -cp target/proclab.jar:. CapturedTable`.
 */
public class CapturedTable {
    public static void main(String[] a) throws Exception {
        int[] table = new int[1_000_000];
        for (int i = 0; i < table.length; i++) table[i] = i * 3;
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) items.add(i * 1000);
        try (Pool pool = new Pool(2)) {
            for (int r = 0; r < 4; r++) {
                long t0 = System.nanoTime();
                List<Integer> out = pool.map(x -> table[x], items, 1);
                System.out.printf("%.0f ms ", (System.nanoTime() - t0) / 1e6);
            }
        }
        System.out.println();
    }
}
