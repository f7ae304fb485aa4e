"""The relationship network of the store, and what is read from it: conflict-of-interest findings,
neighbourhoods, paths and the people who connect the most organisations."""
