package dev.sloscout.app.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The heap settings that decide how fast a large dump is read, for {@code --version}: the heap's bound, the collector
 * and whether the young generation has a floor. Streaming assembly keeps its open traces' spans for a window of
 * spans; when the young generation is smaller than what that window allocates (G1 starts it at a twentieth of a small
 * initial heap), nearly every span is copied by a young collection and many promoted, and collections take a fifth
 * of the run (docs/performance.md, "Memory"). The packaged launchers set {@code -XX:NewSize=256m}.
 */
record HeapSettings(long maxHeapBytes, String collector, long youngFloorBytes) {
    /** The floor the packaged launchers set, and the README suggests for large dumps. */
    static final long RECOMMENDED_YOUNG_FLOOR = 256L << 20;

    /** This JVM's settings; the young floor is 0 unless set (on the command line, in a launcher's options). */
    static HeapSettings current() {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        String collector = collectors.isEmpty() ? "unknown collector" : collectors.get(0).getName();
        return new HeapSettings(Runtime.getRuntime().maxMemory(), collector, youngFloor());
    }

    /** {@code -XX:NewSize} when something set it, else 0 (also on a VM that is not HotSpot and has no such option). */
    private static long youngFloor() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return 0;
        }
        try {
            VMOption newSize = hotSpot.getVMOption("NewSize");
            boolean set = newSize.getOrigin() != VMOption.Origin.DEFAULT
                    && newSize.getOrigin() != VMOption.Origin.ERGONOMIC;
            return set ? Long.parseLong(newSize.getValue()) : 0;
        } catch (IllegalArgumentException e) {
            return 0; // no such option on this VM
        }
    }

    /** One line: {@code heap at most 6028 MB (G1 Young Generation), young generation at least 256 MB}. */
    String describe() {
        String young = youngFloorBytes > 0 ? "young generation at least " + (youngFloorBytes >> 20) + " MB"
                : "young generation sized by the collector (large dumps: -XX:NewSize="
                        + (RECOMMENDED_YOUNG_FLOOR >> 20) + "m)";
        return "heap at most " + (maxHeapBytes >> 20) + " MB (" + collector + "), " + young;
    }
}
