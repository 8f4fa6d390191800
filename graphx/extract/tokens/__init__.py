"""The offline argument finders: clause heuristics over tokens (English) and word order (Arabic)."""
