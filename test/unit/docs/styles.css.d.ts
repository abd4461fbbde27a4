/** Side-effect import of the components' stylesheet (type-checking the README only). */
export {};
