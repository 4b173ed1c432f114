// jstat 1.9.6 ships no types: the functions the lab and the parity suite use.
declare module 'jstat' {
  const jStat: {
    readonly chisquare: {
      /** The chi-square distribution's CDF at x with dof degrees of freedom. */
      cdf(x: number, dof: number): number;
      /** The x at which the CDF is p. */
      inv(p: number, dof: number): number;
    };
  };
  export default jStat;
}
