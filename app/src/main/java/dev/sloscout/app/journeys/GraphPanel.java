package dev.sloscout.app.journeys;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.fx_viewer.FxViewPanel;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.geom.Point3;
import org.graphstream.ui.graphicGraph.GraphicEdge;
import org.graphstream.ui.graphicGraph.GraphicElement;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The GraphStream view of a {@link ServiceGraph}: services as nodes (entry services marked), calls as arrows whose
 * width follows the call count and whose colour goes from green to red with the error ratio, laid out in layers
 * from callers (left) to callees (right). Scroll to zoom, drag
 * with the right button to pan, drag a node to move it, click a node or an arrow for its statistics.
 */
final class GraphPanel extends StackPane {
    private static final String STYLE = """
            graph { padding: 50px; fill-color: rgba(0,0,0,0); }
            node { size: 18px; fill-color: #4a78c2; stroke-mode: plain; stroke-color: #ffffff; stroke-width: 2px;
                   text-size: 13px; text-alignment: under; text-background-mode: rounded-box;
                   text-background-color: rgba(255,255,255,200); text-padding: 2px; text-color: #1f2328; }
            node.entry { size: 24px; fill-color: #8250df; }
            node.focus { stroke-color: #f0a000; stroke-width: 4px; }
            node.slower { fill-color: #cf222e; }
            node.faster { fill-color: #2da44e; }
            node.errors { fill-color: #bc4c00; stroke-color: #cf222e; stroke-width: 3px; }
            edge { arrow-shape: arrow; arrow-size: 10px, 5px; text-size: 11px; text-color: #57606a;
                   text-background-mode: rounded-box; text-background-color: rgba(255,255,255,180); }
            """;

    private final Graph graph = new SingleGraph("services");
    private final FxViewer viewer;
    private final FxViewPanel panel;
    private Consumer<String> onNode = id -> { };
    private BiConsumer<String, String> onEdge = (from, to) -> { };
    private double panX;
    private double panY;

    GraphPanel() {
        System.setProperty("org.graphstream.ui", "javafx");
        graph.setAttribute("ui.stylesheet", STYLE);
        graph.setAttribute("ui.antialias");
        graph.setAttribute("ui.quality");
        viewer = new FxViewer(graph, FxViewer.ThreadingModel.GRAPH_IN_ANOTHER_THREAD);
        viewer.disableAutoLayout(); // a layered layout (callers left of callees) reads better than springs

        panel = (FxViewPanel) viewer.addDefaultView(false);
        panel.addEventFilter(ScrollEvent.SCROLL, this::zoom);
        panel.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        panel.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        panel.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        getChildren().add(panel);
        setMinSize(200, 200);
    }

    void onNodeClicked(Consumer<String> handler) {
        this.onNode = handler;
    }

    void onEdgeClicked(BiConsumer<String, String> handler) {
        this.onEdge = handler;
    }

    /** Replaces the drawn graph; nodes that stay keep their position. */
    void show(ServiceGraph model, String focus) {
        show(model, focus, java.util.Map.of(), java.util.Map.of());
    }

    /**
     * As {@link #show(ServiceGraph, String)}, with a style class per node ({@code slower}, {@code faster},
     * {@code errors}) and a colour per edge id in place of the error ratio's (Compare mode's change colours).
     */
    void show(ServiceGraph model, String focus, java.util.Map<String, String> nodeClasses,
            java.util.Map<String, String> edgeColours) {
        Set<String> nodeIds = new HashSet<>();
        Set<String> edgeIds = new HashSet<>();
        long maxCalls = Math.max(1, model.maxCalls());
        for (ServiceGraph.Node n : model.nodes()) {
            nodeIds.add(n.id());
            Node node = graph.getNode(n.id()) != null ? graph.getNode(n.id()) : graph.addNode(n.id());
            node.setAttribute("ui.label", n.id());
            node.setAttribute("ui.class", nodeClasses.containsKey(n.id()) ? nodeClasses.get(n.id())
                    : n.id().equals(focus) ? "focus" : n.entry() ? "entry" : "");
        }
        for (ServiceGraph.Edge e : model.edges()) {
            edgeIds.add(e.id());
            Edge edge = graph.getEdge(e.id()) != null ? graph.getEdge(e.id()) : graph.addEdge(e.id(), e.from(), e.to(), true);
            double width = 1 + 7 * Math.sqrt((double) e.calls() / maxCalls);
            edge.setAttribute("ui.style", String.format(Locale.ROOT, "size: %.1fpx; fill-color: %s;", width,
                    edgeColours.getOrDefault(e.id(), colour(e.errorRatio()))));
            edge.setAttribute("ui.label", String.format(Locale.ROOT, "%,d", e.calls()));
        }
        graph.edges().filter(e -> !edgeIds.contains(e.getId())).toList().forEach(graph::removeEdge);
        graph.nodes().filter(n -> !nodeIds.contains(n.getId())).toList().forEach(graph::removeNode);
        List<List<String>> layers = model.layers();
        for (int x = 0; x < layers.size(); x++) {
            List<String> column = layers.get(x);
            for (int y = 0; y < column.size(); y++) {
                graph.getNode(column.get(y)).setAttribute("xyz", x * 4.0, (column.size() - 1) / 2.0 * 1.6 - y * 1.6, 0.0);
            }
        }
        panel.getCamera().resetView();
    }

    /** Green (no errors) through amber (1%) to red (5% and more). */
    static String colour(double errorRatio) {
        double t = Math.min(1, errorRatio / 0.05);
        int r = (int) Math.round(46 + t * (207 - 46));
        int g = (int) Math.round(160 + t * (34 - 160));
        int b = (int) Math.round(67 + t * (46 - 67));
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", r, g, b);
    }

    void zoomBy(double factor) {
        Camera camera = panel.getCamera();
        camera.setViewPercent(Math.max(0.1, Math.min(5, camera.getViewPercent() * factor)));
    }

    void resetView() {
        panel.getCamera().resetView();
    }

    private void zoom(ScrollEvent e) {
        zoomBy(e.getDeltaY() > 0 ? 0.9 : 1.1);
        e.consume();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() == MouseButton.SECONDARY) {
            panX = e.getX();
            panY = e.getY();
            e.consume();
        }
    }

    private void dragged(MouseEvent e) {
        if (!e.isSecondaryButtonDown()) {
            return;
        }
        Camera camera = panel.getCamera();
        Point3 from = camera.transformPxToGu(panX, panY);
        Point3 to = camera.transformPxToGu(e.getX(), e.getY());
        Point3 center = camera.getViewCenter();
        camera.setViewCenter(center.x - (to.x - from.x), center.y - (to.y - from.y), 0);
        panX = e.getX();
        panY = e.getY();
        e.consume();
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        GraphicElement hit = panel.findGraphicElementAt(EnumSet.of(InteractiveElement.NODE), e.getX(), e.getY());
        if (hit == null) {
            hit = panel.findGraphicElementAt(EnumSet.of(InteractiveElement.EDGE), e.getX(), e.getY());
            if (hit instanceof GraphicEdge edge) {
                onEdge.accept(edge.from.getId(), edge.to.getId());
            }
            return;
        }
        onNode.accept(hit.getId());
    }

    /** Stops the viewer; GraphStream 2.0 throws when the view never rendered (closed right after opening). */
    void close() {
        try {
            viewer.close();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(GraphPanel.class).debug("graph viewer did not close cleanly", e);
        }
    }
}
