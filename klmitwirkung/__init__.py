"""KLmitWirkung: the participation platform of the city of Kaiserslautern."""
