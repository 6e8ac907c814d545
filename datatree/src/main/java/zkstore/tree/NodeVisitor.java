package zkstore.tree;

import java.io.IOException;

/** Receives the nodes of a pre-order walk, parents before children. */
@FunctionalInterface
public interface NodeVisitor {

    /** Called once per node; an exception stops the walk and propagates. */
    void visit(NodeRecord node) throws IOException;
}
