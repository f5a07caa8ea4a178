"""The build pipeline: documents through the loaders' stages into the graph's store.

It sits above both: :mod:`loaders` turn one meeting's documents into named graphs and never
import the store; :mod:`graph` holds, validates and serves triples and never imports the loaders.
"""
